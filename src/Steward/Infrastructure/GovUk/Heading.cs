using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Steward.Infrastructure.GovUk;

// A heading whose level the page gives (h2 on a report's own page, h3 inside a board pack's report),
// so a shared section keeps the outline that screen readers and the PDF's bookmarks are built from.
public sealed class Heading : ComponentBase
{
    [Parameter]
    public int Level { get; set; } = 2;

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 1, 6)}");
        builder.AddAttribute(1, "class", Class);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

// What every GOV.UK form field shares: a name and id from the model, a label or legend, a hint and the
// field's error from ModelState, drawn as the Design System's error pattern.
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    [HtmlAttributeName("label-class")]
    public string LabelClass { get; set; } = "govuk-label--s";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected static HtmlEncoder Html => HtmlEncoder.Default;

    protected string Name => For.Name;

    protected string Id => GovUkIds.For(For.Name);

    protected string? Error => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
        ? entry.Errors[0].ErrorMessage
        : null;

    // On a re-rendered form, show exactly what the user typed, even when it could not be bound.
    protected string? CurrentValue =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                Enum e => e.ToString(),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            };

    protected string DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }

        if (Error is not null)
        {
            ids.Add(Id + "-error");
        }

        ids.AddRange(extra.Where(e => e is not null)!);
        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string HintHtml() => Hint is null ? string.Empty : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Html.Encode(Hint)}</div>";

    protected string ErrorHtml() => Error is null
        ? string.Empty
        : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Html.Encode(Error)}</p>";

    protected void WrapInFormGroup(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

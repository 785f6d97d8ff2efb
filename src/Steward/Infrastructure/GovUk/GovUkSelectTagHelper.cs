using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    // The first option, for "nobody yet" or "choose one"; omitted when null.
    public string? Empty { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = CurrentValue ?? string.Empty;
        var options = new StringBuilder();
        // A blank first option would show as the choice while the page applies its default (a register
        // filtered to open risks showed an empty "Status"): only a labelled one is offered.
        if (!string.IsNullOrEmpty(Empty))
        {
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{Html.Encode(Empty)}</option>");
        }

        foreach (var item in Items)
        {
            var selected = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"{Html.Encode(item.Value)}\"{selected}>{Html.Encode(item.Text)}</option>");
        }

        var classes = "govuk-select" + (Error is null ? string.Empty : " govuk-select--error");
        WrapInFormGroup(output,
            $"<label class=\"govuk-label {LabelClass}\" for=\"{Id}\">{Html.Encode(Label)}</label>{HintHtml()}{ErrorHtml()}" +
            $"<select class=\"{classes}\" id=\"{Id}\" name=\"{Name}\"{DescribedBy()}>{options}</select>");
    }
}

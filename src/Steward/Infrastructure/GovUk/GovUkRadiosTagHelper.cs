using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

// Radios in a fieldset; Label is the legend. Items' Text may carry a hint after a "|".
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = CurrentValue ?? string.Empty;
        var radios = new StringBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            // The first radio takes the field's own id, so the error summary's link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var parts = item.Text.Split('|', 2);
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " checked" : string.Empty;
            var hint = parts.Length > 1 ? $"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{Html.Encode(parts[1])}</div>" : string.Empty;
            var describedBy = parts.Length > 1 ? $" aria-describedby=\"{id}-item-hint\"" : string.Empty;
            radios.Append(CultureInfo.InvariantCulture,
                $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Name}\" type=\"radio\" value=\"{Html.Encode(item.Value)}\"{isChecked}{describedBy}>" +
                $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Html.Encode(parts[0])}</label>{hint}</div>");
        }

        var legendClass = LabelClass.Replace("govuk-label--", "govuk-fieldset__legend--", StringComparison.Ordinal);
        WrapInFormGroup(output,
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"govuk-fieldset__legend {legendClass}\">{Html.Encode(Label)}</legend>" +
            $"{HintHtml()}{ErrorHtml()}<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : string.Empty)}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

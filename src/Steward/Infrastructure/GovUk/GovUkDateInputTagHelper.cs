using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        var inputClass = "govuk-input govuk-date-input__input" + (Error is null ? string.Empty : " govuk-input--error");
        string Box(string part, string? value, string width, string autocompleteLabel, bool first) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{(first ? Id : $"{Id}-{part.ToLowerInvariant()}")}\">{autocompleteLabel}</label>" +
            $"<input class=\"{inputClass} govuk-input--width-{width}\" id=\"{(first ? Id : $"{Id}-{part.ToLowerInvariant()}")}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Html.Encode(Attempted(part) ?? value ?? string.Empty)}\">" +
            "</div></div>";

        var legendClass = LabelClass.Replace("govuk-label--", "govuk-fieldset__legend--", StringComparison.Ordinal);
        WrapInFormGroup(output,
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}><legend class=\"govuk-fieldset__legend {legendClass}\">{Html.Encode(Label)}</legend>" +
            $"{HintHtml()}{ErrorHtml()}<div class=\"govuk-date-input\" id=\"{Id}-group\">" +
            Box("Day", parts.Day, "2", "Day", first: true) + Box("Month", parts.Month, "2", "Month", first: false) + Box("Year", parts.Year, "4", "Year", first: false) +
            "</div></fieldset>");
    }

    private string? Attempted(string part) =>
        ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out var entry) ? entry.AttemptedValue : null;
}

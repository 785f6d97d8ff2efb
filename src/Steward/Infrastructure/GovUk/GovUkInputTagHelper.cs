using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Type { get; set; } = "text";

    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    public string? Autocomplete { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-input" + (InputClass is null ? string.Empty : " " + InputClass) + (Error is null ? string.Empty : " govuk-input--error");
        var autocomplete = Autocomplete is null ? string.Empty : $" autocomplete=\"{Autocomplete}\"";
        var spellcheck = Spellcheck ? string.Empty : " spellcheck=\"false\"";
        WrapInFormGroup(output,
            $"<label class=\"govuk-label {LabelClass}\" for=\"{Id}\">{Html.Encode(Label)}</label>{HintHtml()}{ErrorHtml()}" +
            $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{Type}\" value=\"{Html.Encode(CurrentValue ?? string.Empty)}\"{autocomplete}{spellcheck}{DescribedBy()}>");
    }
}

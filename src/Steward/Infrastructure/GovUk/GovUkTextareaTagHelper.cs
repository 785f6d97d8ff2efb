using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-textarea" + (Error is null ? string.Empty : " govuk-textarea--error");
        WrapInFormGroup(output,
            $"<label class=\"govuk-label {LabelClass}\" for=\"{Id}\">{Html.Encode(Label)}</label>{HintHtml()}{ErrorHtml()}" +
            $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{DescribedBy()}>{Html.Encode(CurrentValue ?? string.Empty)}</textarea>");
    }
}

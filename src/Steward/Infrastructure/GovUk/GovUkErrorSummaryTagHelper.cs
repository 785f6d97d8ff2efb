using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Steward.Infrastructure.GovUk;

// The GOV.UK error summary: one link per field in error, each to the field; errors about the whole
// form (key "") are listed without a link.
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    // The form's fields in the order they appear, so the summary lists errors in that order too.
    [HtmlAttributeName("field-order")]
    public IReadOnlyList<string> FieldOrder { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var html = HtmlEncoder.Default;
        var items = new StringBuilder();
        foreach (var (key, entry) in modelState.OrderBy(kv => Position(kv.Key)))
        {
            // Sub-fields of a date (Input.Start.Day) report through the date's own entry.
            if (entry is null || entry.Errors.Count == 0)
            {
                continue;
            }

            var message = html.Encode(entry.Errors[0].ErrorMessage);
            items.Append(string.IsNullOrEmpty(key)
                ? $"<li>{message}</li>"
                : $"<li><a href=\"#{GovUkIds.For(key)}\">{message}</a></li>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    private int Position(string key)
    {
        var index = FieldOrder.ToList().FindIndex(field => key == field || key.StartsWith(field + ".", StringComparison.Ordinal));
        return string.IsNullOrEmpty(key) ? -1 : index < 0 ? int.MaxValue : index;
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Steward.Tests.Infrastructure;

// Reads pages the way a user sees them, and posts forms the way a browser does (antiforgery token included).
public static class Html
{
    public static async Task<IDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await response.ReadHtmlAsync();
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string?> fields, string? formSelector = "main form")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector!) ?? throw new InvalidOperationException($"No form on {url}");
        var values = new Dictionary<string, string?>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            values[input.GetAttribute("name")!] = input.GetAttribute("value");
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))));
    }

    // Posts a form with every value it shows, as a browser would submit it untouched, but for the changes.
    public static async Task<HttpResponseMessage> SubmitFormAsShownAsync(this HttpClient client, string url, IDictionary<string, string?> changes, string formSelector = "main form")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = control.GetAttribute("name")!;
            var type = control.GetAttribute("type")?.ToLowerInvariant();
            string? value = control.LocalName switch
            {
                "textarea" => control.TextContent,
                "select" => (control.QuerySelector("option[selected]") ?? control.QuerySelector("option"))?.GetAttribute("value"),
                _ when type is "checkbox" or "radio" => control.HasAttribute("checked") ? control.GetAttribute("value") ?? "on" : null,
                _ when type is "submit" or "button" or "file" => null,
                _ => control.GetAttribute("value") ?? string.Empty,
            };
            if (value is not null && !changes.ContainsKey(name))
            {
                values.Add(new(name, value));
            }
        }

        values.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    public static string? FieldError(this IDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    public static string SummaryValue(this IDocument page, string key) =>
        page.QuerySelectorAll(".govuk-summary-list__row")
            .First(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == key)
            .QuerySelector(".govuk-summary-list__value")!.TextContent.Trim();
}

using System.Net;

namespace Steward.Tests.Infrastructure;

public static class EditPageChecks
{
    // Saves an edit page as shown but for the changes, and returns where the record's API view moved.
    public static async Task<SortedSet<string>> ChangedByEditPageAsync(this StewardApp app, string apiUrl, string pageUrl, IDictionary<string, string?> changes)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await (await app.Api().GetAsync(apiUrl, ct)).ReadJsonAsync();
        var saved = await app.Browser().SubmitFormAsShownAsync(pageUrl, changes);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{pageUrl} answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync(ct)}");
        var after = await (await app.Api().GetAsync(apiUrl, ct)).ReadJsonAsync();
        return JsonDiff.Paths(before, after);
    }

    public static Task<SortedSet<string>> ChangedByEditPageAsync(this StewardApp app, string apiUrl, string pageUrl, string field, string value) =>
        app.ChangedByEditPageAsync(apiUrl, pageUrl, new Dictionary<string, string?> { [field] = value });
}

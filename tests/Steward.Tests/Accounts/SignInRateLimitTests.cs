using System.Net;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

// Its own host, so its twenty-one attempts do not count against other tests' sign-ins.
public sealed class SignInRateLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task MoreThan20AttemptsInAMinute_AreTurnedAway()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var response = await app.Browser().SubmitFormAsync("/sign-in", new Dictionary<string, string?> { ["Email"] = $"guess{i}@example.org", ["Password"] = "guessing away" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        var page = await (await app.Browser().SubmitFormAsync("/sign-in", new Dictionary<string, string?> { ["Email"] = "x@example.org", ["Password"] = "guessing away" })).ReadHtmlAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1")!.TextContent.Trim());
    }
}

using System.Net;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

// Its own host, so its twenty-one attempts do not count against other tests' sign-ins.
public sealed class SignInRateLimitTests(SignInRateLimitTests.StrictApp app) : IClassFixture<SignInRateLimitTests.StrictApp>
{
    // The real limit, and no sign-in of its own at start to use up an attempt.
    public sealed class StrictApp : SqliteApp
    {
        protected override int SignInAttemptsPerMinute => 20;

        protected override bool SignsInOnStart => false;
    }

    [Fact]
    public async Task MoreThan20AttemptsInAMinute_AreTurnedAway()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var response = await app.AnonymousBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string?> { ["Email"] = $"guess{i}@example.org", ["Password"] = "guessing away" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        var page = await (await app.AnonymousBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string?> { ["Email"] = "x@example.org", ["Password"] = "guessing away" })).ReadHtmlAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1")!.TextContent.Trim());
    }
}

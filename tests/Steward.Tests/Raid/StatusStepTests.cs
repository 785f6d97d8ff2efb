using System.Net;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 item 2: closing, realising, validating and invalidating ask for confirmation and a reason,
// closed items can be reopened with a reason by those entitled, and a page offers only the steps that
// can succeed.
public abstract class StatusStepTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClosingARisk_NeedsAReason_AndAClosedRiskIsReopenedWithOne()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/risks/{risk.Reference}";

        var bare = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", null, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Say why the risk is being closed", await bare.FieldErrorsAsync("reason"));
        var blank = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", new { reason = "   " }, "\"1\"");
        Assert.Contains("Say why the risk is being closed", await blank.FieldErrorsAsync("reason"));
        var tooLong = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", new { reason = new string('x', 1001) }, "\"1\"");
        Assert.Contains("The reason must be 1000 characters or fewer", await tooLong.FieldErrorsAsync("reason"));
        var untouched = await (await app.Api().GetAsync(url, Ct)).ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Open, 1, (string?)null), (untouched.Status, untouched.Version, untouched.StatusReason));

        var closed = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", new { reason = "  The supplier delivered on time  " }, "\"1\"")).ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Closed, "The supplier delivered on time"), (closed.Status, closed.StatusReason));
        Assert.NotNull(closed.ClosedAt);
        var again = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", new { reason = "Twice" }, $"\"{closed.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var reopenedBare = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { }, $"\"{closed.Version}\"");
        Assert.Contains("Say why the risk is being reopened", await reopenedBare.FieldErrorsAsync("reason"));
        var reopened = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "The second supplier has failed" }, $"\"{closed.Version}\"");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var open = await reopened.ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Open, "The second supplier has failed", (DateTime?)null), (open.Status, open.StatusReason, open.ClosedAt));
        var reopenOpen = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "Again" }, $"\"{open.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, reopenOpen.StatusCode);

        // Each reason stays in the risk's history, not only the latest on the risk.
        var history = await (await app.Api().GetAsync($"{url}/history", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("The supplier delivered on time", history, StringComparison.Ordinal);
        Assert.Contains("The second supplier has failed", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARealisedRisk_KeepsWhatHappened_AndIsNotReopened()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/risks/{risk.Reference}";
        Assert.Contains("Say what happened", await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/realise", null, "\"1\"")).FieldErrorsAsync("reason"));
        Assert.Equal(RiskStatus.Open, (await (await app.Api().GetAsync(url, Ct)).ReadAsync<RiskView>()).Status);

        var realised = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/realise", new { reason = "The data centre flooded" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Created, realised.StatusCode);
        var after = await (await app.Api().GetAsync(url, Ct)).ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Realised, "The data centre flooded"), (after.Status, after.StatusReason));
        var reopen = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "Try again" }, $"\"{after.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Contains("realised", await reopen.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedIssue_IsReopened_AndAnAssumption_IsCheckedAgain()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var issue = await app.CreateIssueAsync(project.Code, owner.Id);
        var issueUrl = $"/api/v1/units/{project.Code}/issues/{issue.Reference}";
        await app.Api().SendJsonAsync(HttpMethod.Put, issueUrl, new { title = issue.Title, ownerId = owner.Id, priority = "high", resolution = "Patched" }, "\"1\"");
        var closed = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{issueUrl}/close", new { reason = "Patch checked in live" }, "\"2\"")).ReadAsync<IssueView>();
        Assert.Equal((IssueStatus.Closed, "Patch checked in live"), (closed.Status, closed.StatusReason));
        var reopened = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{issueUrl}/reopen", new { reason = "It failed again overnight" }, $"\"{closed.Version}\"")).ReadAsync<IssueView>();
        Assert.Equal((IssueStatus.Open, "It failed again overnight", (DateTime?)null), (reopened.Status, reopened.StatusReason, reopened.ClosedAt));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Api().SendJsonAsync(HttpMethod.Post, $"{issueUrl}/reopen", new { reason = "x" }, $"\"{reopened.Version}\"")).StatusCode);

        var assumption = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/assumptions/{assumption.Reference}";
        Assert.Contains("Say how the assumption was confirmed", await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/validate", null, "\"1\"")).FieldErrorsAsync("reason"));
        var both = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/invalidate", new { raise = "dragon" }, "\"1\"");
        Assert.Contains("raise must be issue, risk or nothing", await both.FieldErrorsAsync("raise"));
        Assert.Contains("Say what proved the assumption wrong", await both.FieldErrorsAsync("reason"));
        var validated = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/validate", new { reason = "Supplier confirmed in writing" }, "\"1\"")).ReadAsync<AssumptionView>();
        Assert.Equal((AssumptionStatus.Validated, "Supplier confirmed in writing"), (validated.Status, validated.StatusReason));
        var reopenedAssumption = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "The supplier has been bought" }, $"\"{validated.Version}\"")).ReadAsync<AssumptionView>();
        Assert.Equal(AssumptionStatus.Unvalidated, reopenedAssumption.Status);
    }

    [Fact]
    public async Task ReopeningNeedsTheSameRightAsClosing()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/risks/{risk.Reference}";
        var closed = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/close", new { reason = "Passed" }, "\"1\"")).ReadAsync<RiskView>();

        var planner = await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Planner, project.Code));
        var refused = await app.Api(planner).SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "Back" }, $"\"{closed.Version}\"");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(RiskStatus.Closed, (await (await app.Api().GetAsync(url, Ct)).ReadAsync<RiskView>()).Status);
    }

    [Fact]
    public async Task AClosedRisk_TakesNoNewMitigationActions()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/close", new { reason = "Passed" }, "\"1\"");

        var action = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Chase the supplier", ownerId = owner.Id, dueOn = "2031-01-10", risk = risk.Reference });
        Assert.Equal(HttpStatusCode.Conflict, action.StatusCode);
        Assert.Contains("reopen it before adding actions", await action.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}");
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.Contains("Add a mitigation action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARiskPage_OffersOnlyTheStepsThatCanSucceed()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var address = $"/units/{project.Code}/risks/{risk.Reference}";

        Assert.Equal(["close", "realise"], StepsOffered(await app.Browser().GetPageAsync(address)));
        var planner = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Planner, project.Code));
        Assert.Empty(StepsOffered(await app.Browser(planner).GetPageAsync(address)));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Browser(planner).GetAsync($"{address}/close", Ct)).StatusCode);

        await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/close", new { reason = "Passed" }, "\"1\"");
        var closed = await app.Browser().GetPageAsync(address);
        Assert.Equal(["reopen"], StepsOffered(closed));
        Assert.Equal("Passed", closed.SummaryValue("Why it was closed"));

        // A step the state does not allow is not asked: its page says why, with no form.
        var refused = await app.Browser().GetPageAsync($"{address}/close", 409);
        Assert.Null(refused.QuerySelector("main form"));
        Assert.Contains("Reopen it first", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"{address}/validate", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheQuestionPage_AsksWhy_AndTakesTheStepOnlyWithAReason()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var address = $"/units/{project.Code}/risks/{risk.Reference}";

        var question = await app.Browser().GetPageAsync($"{address}/close");
        Assert.Equal($"Close {risk.Reference}?", question.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(address, question.QuerySelector(".govuk-back-link")!.GetAttribute("href"));

        var missing = await app.Browser().SubmitFormAsync($"{address}/close", new Dictionary<string, string?> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var page = await missing.ReadHtmlAsync();
        Assert.Contains("Say why the risk is being closed", page.ErrorSummary());
        Assert.Equal("Say why the risk is being closed", page.FieldError("Reason"));
        Assert.Equal(RiskStatus.Open, (await (await app.Api().GetAsync($"/api/v1{address}", Ct)).ReadAsync<RiskView>()).Status);

        var done = await app.Browser().SubmitFormAsync($"{address}/close", new Dictionary<string, string?> { ["Reason"] = "Mitigation worked" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(address, done.Headers.Location!.OriginalString);
        var closed = await (await app.Api().GetAsync($"/api/v1{address}", Ct)).ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Closed, "Mitigation worked"), (closed.Status, closed.StatusReason));
    }

    [Fact]
    public async Task MarkingAnAssumptionInvalid_OnItsPage_AsksWhatToRaiseAndWhy()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var assumption = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var address = $"/units/{project.Code}/assumptions/{assumption.Reference}";
        Assert.Equal(["validate", "invalidate"], StepsOffered(await app.Browser().GetPageAsync(address)));

        var neither = await app.Browser().SubmitFormAsync($"{address}/invalidate", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        var page = await neither.ReadHtmlAsync();
        Assert.Equal(["Choose whether to raise an issue, a risk or nothing", "Say what proved the assumption wrong"], page.ErrorSummary());

        var done = await app.Browser().SubmitFormAsync($"{address}/invalidate", new Dictionary<string, string?> { ["Raise"] = "risk", ["Reason"] = "The union has balloted" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Matches($"^/units/{project.Code}/risks/R-[0-9]{{4,}}$", done.Headers.Location!.OriginalString);
        var invalid = await app.Browser().GetPageAsync(address);
        Assert.Equal("The union has balloted", invalid.SummaryValue("What proved it wrong"));
        Assert.Equal(["reopen"], StepsOffered(invalid));
    }

    [Fact]
    public async Task AnIssueWithNoResolution_SaysWhatToDoBeforeClosing()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var issue = await app.CreateIssueAsync(project.Code, owner.Id);
        var address = $"/units/{project.Code}/issues/{issue.Reference}";

        var page = await app.Browser().GetPageAsync(address);
        Assert.Empty(StepsOffered(page));
        Assert.Contains("first edit it to record how it was resolved", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var refused = await app.Browser().GetPageAsync($"{address}/close", 409);
        Assert.Contains("has no resolution recorded", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    // The status steps an entry's page links to, by the last segment of each link's address.
    private static string[] StepsOffered(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("main .govuk-button-group a.govuk-button")
            .Select(a => a.GetAttribute("href")!.Split('/').Last())
            .Where(s => s is "close" or "realise" or "reopen" or "validate" or "invalidate")
            .ToArray();
}

public sealed class StatusStepsOnSqlite(SqliteApp app) : StatusStepTests<SqliteApp>(app);

public sealed class StatusStepsOnPostgres(PostgresApp app) : StatusStepTests<PostgresApp>(app);

using System.Net;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 item 10: risks ticked in a register are reassigned, given a next review date, or closed with
// one reason, all or none.
public abstract class RiskBulkChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TickedRisks_AreReassignedAndRescheduled_AndNothingElseOfThemChanges()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var successor = await app.CreatePersonAsync();
        var first = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4, "Supplier late");
        var second = await app.CreateRiskAsync(programme.Code, owner.Id, 2, 3, "Budget cut");
        var untouched = await app.CreateRiskAsync(project.Code, owner.Id);

        var reassigned = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/risks/bulk",
            new { references = new[] { second.Reference, first.Reference }, action = "reassign", ownerId = successor.Id });
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(new[] { first.Reference, second.Reference }, (await reassigned.ReadAsync<RaidBulkResult>()).Changed);
        var review = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var rescheduled = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/risks/bulk",
            new { references = new[] { first.Reference, second.Reference }, action = "review", nextReviewDate = review.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, rescheduled.StatusCode);

        var after = await GetAsync(project.Code, first.Reference);
        Assert.Equal((successor.Id, review, "Supplier late", 16, RiskStatus.Open, 3), (after.Owner.Id, after.NextReviewDate!.Value, after.Title, after.Current.Score, after.Status, after.Version));
        Assert.Equal(successor.Id, (await GetAsync(programme.Code, second.Reference)).Owner.Id);
        Assert.Equal(owner.Id, (await GetAsync(project.Code, untouched.Reference)).Owner.Id);
    }

    [Fact]
    public async Task BadRequests_NameTheFieldAndChangeNothing()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var elsewhere = await app.CreateTreeAsync();
        var foreign = await app.CreateRiskAsync(elsewhere.Project.Code, owner.Id);
        var url = $"/api/v1/units/{programme.Code}/risks/bulk";

        Assert.Contains("Choose at least one risk", await (await app.Api().PostJsonAsync(url, new { references = Array.Empty<string>(), action = "close", reason = "x" })).FieldErrorsAsync("references"));
        Assert.Contains("action must be reassign, review or close", await (await app.Api().PostJsonAsync(url, new { references = new[] { risk.Reference }, action = "delete" })).FieldErrorsAsync("action"));
        Assert.Contains("Say why the risk is being closed", await (await app.Api().PostJsonAsync(url, new { references = new[] { risk.Reference }, action = "close" })).FieldErrorsAsync("reason"));
        Assert.Contains("Choose who will own the risks", await (await app.Api().PostJsonAsync(url, new { references = new[] { risk.Reference }, action = "reassign" })).FieldErrorsAsync("ownerId"));
        Assert.Contains("The next review date must be in the future", await (await app.Api().PostJsonAsync(url, new { references = new[] { risk.Reference }, action = "review", nextReviewDate = "2020-01-01" })).FieldErrorsAsync("nextReviewDate"));
        var strangers = await (await app.Api().PostJsonAsync(url, new { references = new[] { risk.Reference, foreign.Reference, "R-99999999", "gremlin" }, action = "close", reason = "x" })).FieldErrorsAsync("references");
        Assert.Contains($"{foreign.Reference} is not in the risk register of {programme.Code}", strangers);
        Assert.Contains($"R-99999999 is not in the risk register of {programme.Code}", strangers);
        Assert.Contains("gremlin is not a risk reference (R-0042)", strangers);

        Assert.Equal((RiskStatus.Open, 1), ((await GetAsync(project.Code, risk.Reference)).Status, (await GetAsync(project.Code, risk.Reference)).Version));
        Assert.Equal(RiskStatus.Open, (await GetAsync(elsewhere.Project.Code, foreign.Reference)).Status);
    }

    [Fact]
    public async Task IfAnyTickedRiskCannotBeClosed_NoneIs_AndEachRefusalIsNamed()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var open = await app.CreateRiskAsync(project.Code, owner.Id);
        var closed = await app.CreateRiskAsync(project.Code, owner.Id);
        await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{closed.Reference}/close", new { reason = "Passed" }, "\"1\"");

        var refused = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks/bulk", new { references = new[] { open.Reference, closed.Reference }, action = "close", reason = "Weekly review" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"{closed.Reference} is already closed.", await refused.FieldErrorsAsync("references"));
        var stillOpen = await GetAsync(project.Code, open.Reference);
        Assert.Equal((RiskStatus.Open, 1, (string?)null), (stillOpen.Status, stillOpen.Version, stillOpen.StatusReason));

        // Closing needs approve on each risk's unit: a planner (contribute) may reassign but not close.
        var planner = await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Planner, project.Code));
        var notTheirs = await app.Api(planner).PostJsonAsync($"/api/v1/units/{project.Code}/risks/bulk", new { references = new[] { open.Reference }, action = "close", reason = "Weekly review" });
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);
        Assert.StartsWith($"{open.Reference}: ", (await notTheirs.FieldErrorsAsync("references")).Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(planner).PostJsonAsync($"/api/v1/units/{project.Code}/risks/bulk", new { references = new[] { open.Reference }, action = "reassign", ownerId = owner.Id })).StatusCode);

        var done = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks/bulk", new { references = new[] { open.Reference }, action = "close", reason = "Weekly review" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal((RiskStatus.Closed, "Weekly review"), ((await GetAsync(project.Code, open.Reference)).Status, (await GetAsync(project.Code, open.Reference)).StatusReason));
    }

    [Fact]
    public async Task TheRegisterPage_ClosesTheTickedRisks_AndSaysWhyWhenItCannot()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var first = await app.CreateRiskAsync(project.Code, owner.Id);
        var second = await app.CreateRiskAsync(project.Code, owner.Id);
        var register = $"/units/{programme.Code}/raid";

        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, programme.Code));
        var viewerBrowser = app.Browser(viewer);
        var viewerPage = await viewerBrowser.GetPageAsync(register);
        Assert.Null(viewerPage.QuerySelector("form#bulk"));
        var viewerToken = viewerPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var viewerPost = await viewerBrowser.PostAsync($"{register}?handler=Bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", viewerToken), new("Bulk.References", first.Reference), new("Bulk.Action", "close"), new("Bulk.Reason", "x"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);

        var browser = app.Browser();
        var page = await browser.GetPageAsync(register);
        Assert.NotNull(page.QuerySelector($"input[name='Bulk.References'][value='{first.Reference}'][form=bulk]"));
        var token = page.QuerySelector("form#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = page.QuerySelector("form#bulk")!.GetAttribute("action")!;

        var noReason = await browser.PostAsync(action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Bulk.References", first.Reference), new("Bulk.References", second.Reference), new("Bulk.Action", "close"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var refused = await noReason.ReadHtmlAsync();
        Assert.Contains("Say why the risk is being closed", refused.ErrorSummary());
        Assert.NotNull(refused.QuerySelector($"input[value='{second.Reference}'][checked]"));

        var closed = await browser.PostAsync(action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Bulk.References", first.Reference), new("Bulk.References", second.Reference), new("Bulk.Action", "close"), new("Bulk.Reason", "Covered by the new contract"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(register, closed.Headers.Location!.OriginalString);
        Assert.Equal(RiskStatus.Closed, (await GetAsync(project.Code, second.Reference)).Status);
    }

    private async Task<RiskView> GetAsync(string unit, string reference) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unit}/risks/{reference}", Ct)).ReadAsync<RiskView>();
}

public sealed class RiskBulkChangeOnSqlite(SqliteApp app) : RiskBulkChangeTests<SqliteApp>(app);

public sealed class RiskBulkChangeOnPostgres(PostgresApp app) : RiskBulkChangeTests<PostgresApp>(app);

using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 items 2 and 10 for dependencies: delivered and broken are steps with a reason (and can be
// reopened with one), not a status an edit sets; they are taken on the needing unit's side; and the
// dependencies tab changes several at once, all or none, as the other registers do.
public abstract class DependencyStatusStepTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeliveredAndBroken_AreStepsWithAReason_NotAnEdit_AndEachIsReopened()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var dependency = await app.CreateDependencyAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/dependencies/{dependency.Reference}";

        var edit = await app.Api().SendJsonAsync(HttpMethod.Put, url,
            new { title = dependency.Title, ownerId = owner.Id, externalParty = "A supplier", neededBy = "2027-06-30", status = "delivered" }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Contains("Mark a dependency delivered with its own step, which asks why (POST …/deliver)", await edit.FieldErrorsAsync("status"));
        var agreed = await app.Api().SendJsonAsync(HttpMethod.Put, url,
            new { title = dependency.Title, ownerId = owner.Id, externalParty = "A supplier", neededBy = "2027-06-30", committedDate = "2027-06-01", status = "agreed" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);

        var bare = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/deliver", new { reason = " " }, "\"2\"");
        Assert.Equal(["Say what was delivered"], await bare.FieldErrorsAsync("reason"));
        var delivered = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/deliver", new { reason = " Feed live on 1 June " }, "\"2\"")).ReadAsync<DependencyView>();
        Assert.Equal((DependencyStatus.Delivered, "Feed live on 1 June"), (delivered.Status, delivered.StatusReason));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/break", new { reason = "Too late" }, $"\"{delivered.Version}\"")).StatusCode);
        var reopenByEdit = await app.Api().SendJsonAsync(HttpMethod.Put, url,
            new { title = dependency.Title, ownerId = owner.Id, externalParty = "A supplier", neededBy = "2027-06-30", status = "agreed" }, $"\"{delivered.Version}\"");
        Assert.Contains("The dependency is delivered; reopen it, with a reason (POST …/reopen), before changing its status", await reopenByEdit.FieldErrorsAsync("status"));

        // Reopened, it is agreed again (the provider had committed to a date), then broken.
        var reopened = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/reopen", new { reason = "The feed failed its checks" }, $"\"{delivered.Version}\"")).ReadAsync<DependencyView>();
        Assert.Equal((DependencyStatus.Agreed, "The feed failed its checks"), (reopened.Status, reopened.StatusReason));
        var broken = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/break", new { reason = "The supplier withdrew" }, $"\"{reopened.Version}\"")).ReadAsync<DependencyView>();
        Assert.Equal(DependencyStatus.Broken, broken.Status);

        var history = await (await app.Api().GetAsync($"{url}/history", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Feed live on 1 June", history, StringComparison.Ordinal);
        Assert.Contains("The supplier withdrew", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNeedingUnitsPage_OffersTheSteps_AndTheQuestionPageTakesThem()
    {
        var (_, programme, needing) = await app.CreateTreeAsync();
        var providing = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        var created = await app.Api().PostJsonAsync($"/api/v1/units/{needing.Code}/dependencies",
            new { title = "Identity service API", ownerId = owner.Id, providerUnit = providing.Code, neededBy = "2027-03-01" });
        var dependency = await created.ReadAsync<DependencyView>();
        var address = $"/units/{needing.Code}/dependencies/{dependency.Reference}";

        var page = await app.Browser().GetPageAsync(address);
        Assert.Equal(["deliver", "break"], StepsOffered(page));
        Assert.DoesNotContain(page.QuerySelectorAll("#Input_Status option"), o => o.GetAttribute("value") is "Delivered" or "Broken");
        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, needing.Code));
        Assert.Empty(StepsOffered(await app.Browser(viewer).GetPageAsync(address)));

        // The providing unit's page shows it, but the steps are the needing side's; its address has none.
        var onProvider = await app.Browser().GetPageAsync($"/units/{providing.Code}/dependencies/{dependency.Reference}");
        Assert.Empty(StepsOffered(onProvider));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/units/{providing.Code}/dependencies/{dependency.Reference}/deliver", Ct)).StatusCode);

        var question = await app.Browser().GetPageAsync($"{address}/break");
        Assert.Equal($"Mark {dependency.Reference} broken?", question.QuerySelector("h1")!.TextContent.Trim());
        var missing = await app.Browser().SubmitFormAsync($"{address}/break", new Dictionary<string, string?> { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Say why it will not come", (await missing.ReadHtmlAsync()).FieldError("Reason"));
        var done = await app.Browser().SubmitFormAsync($"{address}/break", new Dictionary<string, string?> { ["Reason"] = "Descoped by the identity programme" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var after = await app.Browser().GetPageAsync(address);
        Assert.Equal(["reopen"], StepsOffered(after));
        Assert.Equal("Descoped by the identity programme", after.SummaryValue("Why it will not come"));
        Assert.Null(after.QuerySelector("#Input_Status"));
        Assert.Equal(409, (int)(await app.Browser().GetAsync($"{address}/deliver", Ct)).StatusCode);
    }

    [Fact]
    public async Task InBulk_DependenciesAreReassignedRedatedAndDelivered_AllOrNone()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var sibling = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        var newOwner = await app.CreatePersonAsync();
        var first = await app.CreateDependencyAsync(project.Code, owner.Id);
        var second = await app.CreateDependencyAsync(project.Code, owner.Id);
        // Needed by the sibling from the project: in the project's register, but not the project's to change.
        var providedToOthers = await (await app.Api().PostJsonAsync($"/api/v1/units/{sibling.Code}/dependencies",
            new { title = "Test data", ownerId = owner.Id, providerUnit = project.Code, neededBy = "2027-03-01" })).ReadAsync<DependencyView>();
        var url = $"/api/v1/units/{project.Code}/dependencies";
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var reassigned = await app.Api().PostJsonAsync($"{url}/bulk", new { references = new[] { first.Reference, second.Reference }, action = "reassign", ownerId = newOwner.Id });
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        var redated = await app.Api().PostJsonAsync($"{url}/bulk", new { references = new[] { first.Reference }, action = "needed", neededBy = later });
        Assert.Equal(HttpStatusCode.OK, redated.StatusCode);

        var mixed = await app.Api().PostJsonAsync($"{url}/bulk", new { references = new[] { first.Reference, providedToOthers.Reference }, action = "deliver", reason = "Received" });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Contains($"{providedToOthers.Reference} is not in the dependency register of {project.Code}", await mixed.FieldErrorsAsync("references"));
        var noReason = await app.Api().PostJsonAsync($"{url}/bulk", new { references = new[] { first.Reference }, action = "deliver" });
        Assert.Contains("Say what was delivered", await noReason.FieldErrorsAsync("reason"));

        var delivered = await app.Api().PostJsonAsync($"{url}/bulk", new { references = new[] { first.Reference, second.Reference }, action = "deliver", reason = "Received at the review" });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var one = await (await app.Api().GetAsync($"{url}/{first.Reference}", Ct)).ReadAsync<DependencyView>();
        Assert.Equal((DependencyStatus.Delivered, "Received at the review", newOwner.Id, later),
            (one.Status, one.StatusReason, one.Owner.Id, one.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TheDependenciesTab_TicksOnlyThoseNeededHere_AndChangesThemTogether()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var sibling = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        var mine = await app.CreateDependencyAsync(project.Code, owner.Id);
        var theirs = await (await app.Api().PostJsonAsync($"/api/v1/units/{sibling.Code}/dependencies",
            new { title = "Test data", ownerId = owner.Id, providerUnit = project.Code, neededBy = "2027-03-01" })).ReadAsync<DependencyView>();
        var register = $"/units/{project.Code}/raid?type=dependencies";

        var page = await app.Browser().GetPageAsync(register);
        Assert.Equal([mine.Reference], page.QuerySelectorAll("input[name='Bulk.References']").Select(i => i.GetAttribute("value")));
        Assert.Contains(page.QuerySelectorAll("main td a"), a => a.TextContent.Trim() == theirs.Reference);
        Assert.NotNull(page.QuerySelector("#bulk button[value='deliver']"));

        var saved = await app.Browser().SubmitFormAsync(register, new Dictionary<string, string?>
        {
            ["Bulk.References"] = mine.Reference, ["Bulk.Action"] = "deliver", ["Bulk.Reason"] = "Arrived",
        }, "#bulk");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/dependencies/{mine.Reference}", Ct)).ReadAsync<DependencyView>();
        Assert.Equal(DependencyStatus.Delivered, after.Status);
    }

    [Fact]
    public async Task TheCommandLine_TakesStepsAndReviews_NamingItsOwnOptions()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var dependency = await app.CreateDependencyAsync(project.Code, owner.Id);
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);

        var noReason = await StewardProcess.RunAsync("raid", "step", "--unit", project.Code, "--reference", dependency.Reference, "--step", "deliver", "--database", app.ConnectionString);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("steward: --reason: Say what was delivered", noReason.Error, StringComparison.Ordinal);
        var wrongStep = await StewardProcess.RunAsync("raid", "step", "--unit", project.Code, "--reference", risk.Reference, "--step", "deliver", "--database", app.ConnectionString);
        Assert.Contains($"steward: --step: {risk.Reference} has no step deliver; it takes close, realise, reopen", wrongStep.Error, StringComparison.Ordinal);

        var delivered = await StewardProcess.RunAsync("raid", "step", "--unit", project.Code, "--reference", dependency.Reference.ToLowerInvariant(), "--step", "deliver", "--reason", "Arrived", "--database", app.ConnectionString);
        Assert.True(delivered.ExitCode == 0, delivered.Error);
        Assert.Contains($"{dependency.Reference} marked delivered.", delivered.Output, StringComparison.Ordinal);
        var closed = await StewardProcess.RunAsync("raid", "step", "--unit", project.Code, "--reference", risk.Reference, "--step", "close", "--reason", "Passed", "--database", app.ConnectionString);
        Assert.True(closed.ExitCode == 0, closed.Error);
        var risked = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}", Ct)).ReadAsync<RiskView>();
        Assert.Equal((RiskStatus.Closed, "Passed"), (risked.Status, risked.StatusReason));

        var reopen = await StewardProcess.RunAsync("raid", "step", "--unit", project.Code, "--reference", risk.Reference, "--step", "reopen", "--reason", "Back again", "--database", app.ConnectionString);
        Assert.True(reopen.ExitCode == 0, reopen.Error);
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var badDate = await StewardProcess.RunAsync("raid", "review", "--unit", project.Code, "--reference", risk.Reference, "--comment", "Looked at", "--next", "14/01/2027", "--database", app.ConnectionString);
        Assert.Contains("steward: --next: must be a date as YYYY-MM-DD, not 14/01/2027", badDate.Error, StringComparison.Ordinal);
        var reviewed = await StewardProcess.RunAsync("raid", "review", "--unit", project.Code, "--reference", risk.Reference, "--comment", "Supplier on track", "--next", next, "--database", app.ConnectionString);
        Assert.True(reviewed.ExitCode == 0, reviewed.Error);
        var afterReview = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}", Ct)).ReadAsync<RiskView>();
        Assert.Equal(next, afterReview.NextReviewDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static List<string> StepsOffered(IDocument page) =>
        page.QuerySelectorAll("main a.govuk-button").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("/dependencies/", StringComparison.Ordinal))
            .Select(h => h[(h.LastIndexOf('/') + 1)..]).Where(s => s is "deliver" or "break" or "reopen").ToList();
}

public sealed class DependencyStatusStepOnSqlite(SqliteApp app) : DependencyStatusStepTests<SqliteApp>(app);

public sealed class DependencyStatusStepOnPostgres(PostgresApp app) : DependencyStatusStepTests<PostgresApp>(app);

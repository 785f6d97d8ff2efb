using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 item 10 for issues: ticked issues are reassigned, given a target resolution date, or closed with one
// reason, all or none; one without its resolution recorded stops the lot and is named.
public abstract class IssueBulkChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TickedIssues_AreReassignedRetargetedAndClosed_AllOrNone()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var (owner, successor) = (await app.CreatePersonAsync(), await app.CreatePersonAsync());
        var resolved = await RaiseAsync(project.Code, owner.Id, "Supplier paid");
        var unresolved = await RaiseAsync(programme.Code, owner.Id, null);
        var url = $"/api/v1/units/{programme.Code}/issues/bulk";
        var references = new[] { resolved.Reference, unresolved.Reference };

        var reassigned = await app.Api().PostJsonAsync(url, new { references, action = "reassign", ownerId = successor.Id });
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(references, (await reassigned.ReadAsync<RaidBulkResult>()).Changed);
        var target = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        var retargeted = await app.Api().PostJsonAsync(url, new { references, action = "target", targetResolutionDate = target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, retargeted.StatusCode);
        var after = await GetAsync(project.Code, resolved.Reference);
        Assert.Equal((successor.Id, target, IssueStatus.Open, resolved.Title), (after.Owner.Id, after.TargetResolutionDate!.Value, after.Status, after.Title));

        var refused = await app.Api().PostJsonAsync(url, new { references, action = "close", reason = "Weekly review" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([$"{unresolved.Reference}: Record how {unresolved.Reference} was resolved before closing it"], await refused.FieldErrorsAsync("references"));
        Assert.Equal(IssueStatus.Open, (await GetAsync(project.Code, resolved.Reference)).Status);

        var closed = await app.Api().PostJsonAsync(url, new { references = new[] { resolved.Reference }, action = "close", reason = "Weekly review" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var shut = await GetAsync(project.Code, resolved.Reference);
        Assert.Equal((IssueStatus.Closed, "Weekly review"), (shut.Status, shut.StatusReason));
        var again = await app.Api().PostJsonAsync(url, new { references = new[] { resolved.Reference }, action = "reassign", ownerId = owner.Id });
        Assert.Contains($"{resolved.Reference} is closed and cannot be reassigned; reopen it first.", await again.FieldErrorsAsync("references"));
        Assert.Contains("action must be reassign, target or close", await (await app.Api().PostJsonAsync(url, new { references, action = "review" })).FieldErrorsAsync("action"));
        Assert.Contains("The target resolution date must be in the future",
            await (await app.Api().PostJsonAsync(url, new { references, action = "target", targetResolutionDate = "2020-01-01" })).FieldErrorsAsync("targetResolutionDate"));
    }

    [Fact]
    public async Task TheIssuesTab_OffersTheBulkForm_AndSetsATargetDate()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var first = await RaiseAsync(project.Code, owner.Id, null);
        var second = await RaiseAsync(project.Code, owner.Id, null);
        var url = $"/units/{programme.Code}/raid?type=issues";
        var page = await app.Browser().GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"input[name='Bulk.References'][value='{first.Reference}'][form=bulk]"));
        Assert.Equal("Set their target date", page.QuerySelector("form#bulk button[value=target]")!.TextContent.Trim());

        var target = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        var browser = app.Browser();
        var form = await browser.GetPageAsync(url);
        var posted = await browser.PostAsync(form.QuerySelector("form#bulk")!.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("form#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Bulk.References", first.Reference), new("Bulk.References", second.Reference), new("Bulk.Action", "target"),
            new("Bulk.Date.Day", target.Day.ToString(CultureInfo.InvariantCulture)), new("Bulk.Date.Month", target.Month.ToString(CultureInfo.InvariantCulture)),
            new("Bulk.Date.Year", target.Year.ToString(CultureInfo.InvariantCulture)),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(target, (await GetAsync(project.Code, second.Reference)).TargetResolutionDate);

        var halfDate = await browser.PostAsync(form.QuerySelector("form#bulk")!.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("form#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Bulk.References", first.Reference), new("Bulk.Action", "target"), new("Bulk.Date.Day", "3"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, halfDate.StatusCode);
        Assert.Contains("Target resolution date must include a month and year", (await halfDate.ReadHtmlAsync()).ErrorSummary());
    }

    private Task<Issue> RaiseAsync(string unit, Guid owner, string? resolution) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<IssueRegister>().RaiseAsync(unit,
            new IssueInput($"Issue {Guid.NewGuid().ToString("N")[..6]}", owner, IssuePriority.High, Resolution: resolution)));

    private async Task<IssueView> GetAsync(string unit, string reference) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unit}/issues/{reference}", Ct)).ReadAsync<IssueView>();
}

public sealed class IssueBulkChangeOnSqlite(SqliteApp app) : IssueBulkChangeTests<SqliteApp>(app);

public sealed class IssueBulkChangeOnPostgres(PostgresApp app) : IssueBulkChangeTests<PostgresApp>(app);

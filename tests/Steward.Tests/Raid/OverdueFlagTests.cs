using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26: a risk's page flags an overdue review, and an issue's page a missed target resolution date,
// as the register does.
public abstract class OverdueFlagTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task ARiskPastItsReviewDate_IsFlaggedOnItsPage_AsInTheRegister()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var overdue = await Raise(project.Code, owner.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var due = await Raise(project.Code, owner.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));

        var late = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{overdue.Reference}");
        Assert.Contains("Overdue", late.SummaryValue("Next review"), StringComparison.Ordinal);
        var onTime = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{due.Reference}");
        Assert.DoesNotContain("Overdue", onTime.SummaryValue("Next review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIssuePastItsTargetResolutionDate_IsFlaggedOnItsPage_AsInTheRegister()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var late = await RaiseIssue(project.Code, owner.Id, today.AddDays(-3));
        var due = await RaiseIssue(project.Code, owner.Id, today.AddDays(10));

        var latePage = await app.Browser().GetPageAsync($"/units/{project.Code}/issues/{late}");
        Assert.Contains("Overdue", latePage.SummaryValue("Target resolution"), StringComparison.Ordinal);
        var onTime = await app.Browser().GetPageAsync($"/units/{project.Code}/issues/{due}");
        Assert.DoesNotContain("Overdue", onTime.SummaryValue("Target resolution"), StringComparison.Ordinal);
    }

    private async Task<string> RaiseIssue(string unit, Guid ownerId, DateOnly target)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/issues", new
        {
            title = "Data centre power", ownerId, priority = "high", raisedOn = target.AddDays(-30).ToString("yyyy-MM-dd"), targetResolutionDate = target.ToString("yyyy-MM-dd"),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.ReadJsonAsync()).GetProperty("reference").GetString()!;
    }

    private async Task<RiskView> Raise(string unit, Guid ownerId, DateOnly review)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/risks", new { title = "Supplier late", ownerId, likelihood = 2, impact = 2, nextReviewDate = review.ToString("yyyy-MM-dd") });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadAsync<RiskView>();
    }
}

public sealed class OverdueFlagOnSqlite(SqliteApp app) : OverdueFlagTests<SqliteApp>(app);

public sealed class OverdueFlagOnPostgres(PostgresApp app) : OverdueFlagTests<PostgresApp>(app);

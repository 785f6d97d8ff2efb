using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26: the risk page flags an overdue review as the register does.
public abstract class RiskReviewFlagTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
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

    private async Task<RiskView> Raise(string unit, Guid ownerId, DateOnly review)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/risks", new { title = "Supplier late", ownerId, likelihood = 2, impact = 2, nextReviewDate = review.ToString("yyyy-MM-dd") });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadAsync<RiskView>();
    }
}

public sealed class RiskReviewFlagOnSqlite(SqliteApp app) : RiskReviewFlagTests<SqliteApp>(app);

public sealed class RiskReviewFlagOnPostgres(PostgresApp app) : RiskReviewFlagTests<PostgresApp>(app);

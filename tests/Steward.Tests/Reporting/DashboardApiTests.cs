using System.Net;
using Steward.Features.Reporting;
using Steward.Features.Reporting.Dashboard;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Reporting;

// The dashboard on both databases: each unit directly below with its latest DCA, a late report, open
// exceptions and milestones at risk counted; filtered, sorted and downloaded.
public abstract class DashboardApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDashboard_CountsWhatNeedsAttention_BelowEachUnit()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var other = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Programme, portfolio.Id);
        var api = app.Api();
        // Reports are due the day after a period ends, so last month's is late everywhere unless submitted.
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 0, null, null), null)).StatusCode);
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key;
        var report = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/reports", new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        report = await (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/reports/{report.Reference}",
            new StatusReportInput("Fine", null, null, null, null, "amber", null, new RatingInput("red", null)), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/reports/{report.Reference}/submit", null, $"\"{report.Version}\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/tolerances", new { risk = new { over = 10 } }, null)).StatusCode);
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id, 5, 4);
        Assert.Single(await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/exceptions/scan", null, null)).ReadAsync<List<Steward.Features.Reporting.Exceptions.ExceptionView>>());

        var view = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/dashboard", Ct)).ReadAsync<DashboardView>();
        Assert.Equal([programme.Code, other.Code], view.Rows.Select(r => r.Unit.Code));
        var first = view.Rows[0];
        Assert.Equal(("amber", period, false, 1, "red"), (first.Dca, first.ReportPeriod, first.ReportLate, first.OpenExceptions, first.Ratings["schedule"]));
        Assert.Equal((null, true, 0), (view.Rows[1].Dca, view.Rows[1].ReportLate, view.Rows[1].OpenExceptions));
        Assert.Equal((1, 1, 1), (view.DcaCounts["amber"], view.DcaCounts["none"], view.ReportsLate));

        var worst = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/dashboard?sort=late", Ct)).ReadAsync<DashboardView>();
        Assert.Equal(other.Code, worst.Rows[0].Unit.Code);
        var amber = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/dashboard?dca=amber", Ct)).ReadAsync<DashboardView>();
        Assert.Equal([programme.Code], amber.Rows.Select(r => r.Unit.Code));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/units/{portfolio.Code}/dashboard?sort=colour", Ct)).StatusCode);
        var csv = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/dashboard/export?format=csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"\"{programme.Code}\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Amber\"", csv, StringComparison.Ordinal);
    }
}

public sealed class DashboardApiOnSqlite(SqliteApp app) : DashboardApiTests<SqliteApp>(app);

public sealed class DashboardApiOnPostgres(PostgresApp app) : DashboardApiTests<PostgresApp>(app);

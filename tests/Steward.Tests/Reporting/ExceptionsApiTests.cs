using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Reporting;
using Steward.Features.Reporting.Exceptions;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Reporting;

// Exceptions on both databases: a forecast breach of a tolerance set above opens exactly one exception,
// raised to the level that set it; its report is written, goes to that board and ends in its decision.
public abstract class ExceptionsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AForecastBreach_OpensOneException_AtTheLevelThatSetTheTolerance_AndEndsInItsBoardsDecision()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        await app.CreateBoardAsync(programme.Code, chair.Id);
        var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/tolerances", new { time = new { over = 10 } }, null)).StatusCode);
        // The project forecasts its end 44 working days after its baseline.
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Units.Where(u => u.Id == project.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.BaselineEnd, new DateOnly(2027, 6, 30)).SetProperty(x => x.ForecastEnd, new DateOnly(2027, 8, 31))));

        var scanned = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/exceptions/scan", null, null);
        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        var opened = Assert.Single(await scanned.ReadAsync<List<ExceptionView>>());
        Assert.Equal((project.Code, "time", true, 44m, 10m, programme.Code, "open"), (opened.Unit.Code, opened.Dimension, opened.Forecast, opened.Value, opened.Limit, opened.RaisedTo.Code, opened.State));
        Assert.Contains("set by " + programme.Code, opened.Evidence, StringComparison.Ordinal);

        // Exactly one: scanning again, or a status report quoting the same breach, opens no other.
        Assert.Empty(await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{portfolio.Code}/exceptions/scan", null, null)).ReadAsync<List<ExceptionView>>());
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key;
        var report = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        Assert.Contains(report.Facts.Tolerances, t => t.Dimension == "Time" && t.Breached);
        report = await (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/reports/{report.Reference}", new StatusReportInput("Late", null, null, null, null, "red", null), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports/{report.Reference}/submit", null, $"\"{report.Version}\"")).StatusCode);
        var listed = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/exceptions", Ct)).ReadAsync<List<ExceptionView>>();
        Assert.Equal([opened.Reference], listed.Select(e => e.Reference));

        // The report needs its cause, consequences, options and recommendation before it goes to the board.
        var address = $"/api/v1/units/{project.Code}/exceptions/{opened.Reference}";
        var early = await api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{opened.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.NotEmpty(await early.FieldErrorsAsync("options"));
        var written = await (await api.SendJsonAsync(HttpMethod.Put, address, new ExceptionReportInput("Supplier insolvency", "Go-live slips past the peak season", "1. Re-baseline (+£0.4m). 2. Descope the pilot.", "Re-baseline", null), $"\"{opened.Version}\"")).ReadAsync<ExceptionView>();
        var withBoard = await (await api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{written.Version}\"")).ReadAsync<ExceptionView>();
        Assert.Equal("with-board", withBoard.State);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendJsonAsync(HttpMethod.Put, address, new ExceptionReportInput("x", "x", "x", "x", null), $"\"{withBoard.Version}\"")).StatusCode);

        // A manager of the project may not decide for the programme's board.
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, project.Code)));
        var refused = await manager.SendJsonAsync(HttpMethod.Post, $"{address}/decide", new ExceptionDecisionInput("Re-baseline approved", null), $"\"{withBoard.Version}\"");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
        Assert.NotEmpty(await (await api.SendJsonAsync(HttpMethod.Post, $"{address}/decide", new ExceptionDecisionInput(" ", null), $"\"{withBoard.Version}\"")).FieldErrorsAsync("outcome"));
        var deciding = await api.SendJsonAsync(HttpMethod.Post, $"{address}/decide", new ExceptionDecisionInput("Re-baseline approved", null), $"\"{withBoard.Version}\"");
        Assert.True(deciding.StatusCode == HttpStatusCode.OK, await deciding.Content.ReadAsStringAsync(Ct));
        var decided = await deciding.ReadAsync<ExceptionView>();
        Assert.Equal(("decided", "Re-baseline approved"), (decided.State, decided.Outcome));
        Assert.StartsWith("DEC-", decided.Decision, StringComparison.Ordinal);
        var decisions = await (await api.GetAsync($"/api/v1/units/{programme.Code}/decisions", Ct)).ReadJsonAsync();
        Assert.Contains(opened.Reference, decisions.ToString(), StringComparison.Ordinal);
    }
}

public sealed class ExceptionsApiOnSqlite(SqliteApp app) : ExceptionsApiTests<SqliteApp>(app);

public sealed class ExceptionsApiOnPostgres(PostgresApp app) : ExceptionsApiTests<PostgresApp>(app);

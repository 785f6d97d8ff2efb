using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Access;
using Steward.Features.Reporting;
using Steward.Features.Reporting.BoardPacks;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Reporting;

// Board packs on both databases: what a pack holds (the reports of record of the units below for the
// period, the unit's figures), and a server without Chromium saying so before it writes anything. The
// printing itself, to a tagged PDF, is tested in the browser suite where Chromium is.
public abstract class BoardPacksTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APack_HoldsTheReportsOfRecordOfTheUnitsBelow_ForThePeriod()
    {
        var (portfolio, programme, reporting) = await app.CreateTreeAsync();
        var silent = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, null, null), null)).StatusCode);
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        var submitted = await SubmitAsync(api, reporting.Code, period.Key, "Design complete; supplier late.", "Agree the supplier's recovery date.");
        // A draft of the silent project is not a report of record.
        Assert.Equal(HttpStatusCode.Created, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{silent.Code}/reports", new DraftRequest(period.Key), null)).StatusCode);

        var (content, html) = await app.WithServicesAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<UnitQueries>().RequireAsync(programme.Code);
            var contents = sp.GetRequiredService<BoardPackContents>();
            var gathered = await contents.GatherAsync(unit, await contents.PeriodAsync(unit, null), ct: Ct);
            return (gathered, await sp.GetRequiredService<BoardPackPrinter>().RenderAsync(gathered));
        });

        Assert.Equal(period.Key, content.Period.Key);
        Assert.Null(content.OwnReport);
        Assert.True(content.FactsLive);
        Assert.Equal([reporting.Code, silent.Code], content.Reports.Select(r => r.Unit.Code));
        Assert.Equal(submitted.Reference, content.Reports[0].Report?.Reference);
        Assert.Null(content.Reports[1].Report);
        Assert.Equal([(reporting.Code, "Agree the supplier's recovery date.")], content.DecisionsNeeded.Select(d => (d.Unit.Code, d.Text)));
        foreach (var expected in new[]
        {
            "<html lang=\"en-GB\">", $"<title>Board pack: {programme.Code}", "<h1>Summary dashboard</h1>", "<h1>Exceptions and decisions needed</h1>",
            "<h1>Status reports</h1>", "<h1>Risks, milestones, finance and benefits</h1>", "Design complete; supplier late.",
            $"No report of record for {period.Key}", "<th scope=\"col\">", "@page",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutChromium_AskingForAPack_IsRefusedSayingSo_AndNothingIsWritten()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        var api = app.Api();
        var refused = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/board-packs", new BoardPackRequest(null), null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains($"Chromium, which is not installed at {StewardApp.NoChromium}", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await (await api.GetAsync($"/api/v1/units/{programme.Code}/board-packs", Ct)).ReadAsync<List<BoardPackView>>());

        // The period is checked first, and named.
        var badPeriod = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/board-packs", new BoardPackRequest("2026-Q5"), null);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Contains("\"period\"", await badPeriod.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The page says why, instead of offering a button that cannot work.
        var page = (await app.Browser().GetPageAsync($"/units/{programme.Code}/board-packs")).QuerySelector("main")!.TextContent;
        Assert.Contains("Board packs are printed by Chromium, which is not installed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Print the board pack", page, StringComparison.Ordinal);

        // A viewer may read the packs but not ask for one; a pack that does not exist is not found.
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, portfolio.Code)));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/units/{programme.Code}/board-packs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/board-packs", new BoardPackRequest(null), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{programme.Code}/board-packs/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    // steward report pack prints as the server does where Chromium is, and says why not where it is not.
    [Fact]
    public async Task TheCommandLine_PrintsAPack_OrSaysWhyItCannot()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, null, null), null)).StatusCode);
        var output = Path.Combine(Path.GetTempPath(), "steward-tests", $"{Guid.NewGuid():N}.pdf");
        string[] pack = ["report", "pack", "--unit", programme.Code, "--output", output, "--database", app.ConnectionString];

        var missing = await Steward.Tests.Cli.StewardProcess.RunAsync(new Dictionary<string, string> { ["STEWARD_BOARDPACKS__CHROMIUM"] = StewardApp.NoChromium }, pack);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"Chromium, which is not installed at {StewardApp.NoChromium}", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        if (!File.Exists(BoardPackPrinter.DefaultChromium))
        {
            return;
        }

        var printed = await Steward.Tests.Cli.StewardProcess.RunAsync(pack);
        Assert.True(printed.ExitCode == 0, printed.Error);
        Assert.Contains($"Wrote the board pack of {programme.Code}", printed.Output, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(output)[..5]);
    }

    private static async Task<StatusReportView> SubmitAsync(HttpClient api, string unit, string period, string summary, string? decisions)
    {
        var report = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unit}/reports", new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        report = await (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unit}/reports/{report.Reference}",
            new StatusReportInput(summary, null, null, decisions, null, "amber", null), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        return await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unit}/reports/{report.Reference}/submit", null, $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
    }
}

public sealed class BoardPacksOnSqlite(SqliteApp app) : BoardPacksTests<SqliteApp>(app);

public sealed class BoardPacksOnPostgres(PostgresApp app) : BoardPacksTests<PostgresApp>(app);

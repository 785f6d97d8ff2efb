using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Reporting;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Reporting;

// Status reports through the API on both databases: drafted from live data, rated, submitted and frozen,
// approved or returned, corrected as a new edition; bad input refused with the field named.
public abstract class StatusReportsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LastMonth => ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key;

    private static string MonthBefore => ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Previous().Key;

    [Fact]
    public async Task AReportIsPrefilled_Submitted_Frozen_Approved_AndCorrectedAsANewEdition()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4, "Supplier goes under");
        var api = app.Api();
        var cycle = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, null, null), null);
        Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        var inherited = await (await api.GetAsync($"/api/v1/units/{project.Code}/reporting-cycle", Ct)).ReadAsync<ReportingCycleView>();
        Assert.Equal(("monthly", 5, portfolio.Code, false), (inherited.Cadence, inherited.DueDays, inherited.CadenceSetAt!.Code, inherited.OwnCycle));

        // Due and not started, for the project and the programme, seen from the portfolio.
        var due = await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/reports/due", Ct)).ReadAsync<ReportsDueView>();
        Assert.Equal([programme.Code, project.Code], due.Reports.Select(r => r.Unit.Code).Order());
        Assert.All(due.Reports, r => Assert.Equal((LastMonth, "not-started"), (r.Period, r.State)));

        // Pre-filled from live data: the open risk is the top risk, with its score.
        var drafted = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(LastMonth), null);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var report = await drafted.ReadAsync<StatusReportView>();
        Assert.Equal(($"/api/v1/units/{project.Code}/reports/{report.Reference}", "draft", false), (drafted.Headers.Location!.AbsolutePath, report.State, report.FactsFrozen));
        Assert.Equal([(risk.Reference, 16)], report.Facts.Raid.TopRisks.Select(r => (r.Reference, r.Score)));
        var prefill = await (await api.GetAsync($"/api/v1/units/{project.Code}/reports/prefill?period={LastMonth}", Ct)).ReadAsync<ReportFacts>();
        Assert.Equal(report.Facts.Raid.TopRisks, prefill.Raid.TopRisks);
        Assert.Equal(1, prefill.Raid.OpenRisks);

        var address = $"/api/v1/units/{project.Code}/reports/{report.Reference}";
        var written = await api.SendJsonAsync(HttpMethod.Put, address, Words("amber", new RatingInput("amber", "Supplier late")), $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        report = await written.ReadAsync<StatusReportView>();
        var submitted = await api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        report = await submitted.ReadAsync<StatusReportView>();
        Assert.Equal(("submitted", true), (report.State, report.FactsFrozen));

        // A later, worse risk changes the live figures but not the submitted report's.
        await app.CreateRiskAsync(project.Code, owner.Id, 5, 5, "Data centre lost");
        var frozen = await (await api.GetAsync(address, Ct)).ReadAsync<StatusReportView>();
        Assert.Equal([risk.Reference], frozen.Facts.Raid.TopRisks.Select(r => r.Reference));
        Assert.Equal(2, (await (await api.GetAsync($"/api/v1/units/{project.Code}/reports/prefill?period={LastMonth}", Ct)).ReadAsync<ReportFacts>()).Raid.OpenRisks);
        var snapshot = await (await api.GetAsync($"{address}/snapshot", Ct)).ReadAsync<SnapshotView>();
        Assert.Equal((report.SnapshotDigest, "amber"), (snapshot.Digest, snapshot.Snapshot.Ratings.Dca));
        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ReportSnapshots.Where(s => s.ReportId == report.Id).Select(s => s.Content.Length).SingleAsync());
        Assert.InRange(stored, 1, 2048);

        // Frozen: a change is a conflict that says how to correct it.
        var edit = await api.SendJsonAsync(HttpMethod.Put, address, Words("green", null), $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("make a correction", (await edit.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var approved = await api.SendJsonAsync(HttpMethod.Post, $"{address}/approve", null, $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.ReadAsync<StatusReportView>()).State);
        Assert.DoesNotContain((await (await api.GetAsync($"/api/v1/units/{portfolio.Code}/reports/due", Ct)).ReadAsync<ReportsDueView>()).Reports, r => r.Unit.Code == project.Code);

        // A correction keeps both: the first is superseded once the correction is submitted.
        var correcting = await api.SendJsonAsync(HttpMethod.Post, $"{address}/corrections", new CorrectionRequest("The supplier's date was wrong"), null);
        Assert.Equal(HttpStatusCode.Created, correcting.StatusCode);
        var correction = await correcting.ReadAsync<StatusReportView>();
        Assert.Equal((2, report.Reference, "amber"), (correction.Edition, correction.Corrects, correction.Dca!.Rating));
        var correctionAddress = $"/api/v1/units/{project.Code}/reports/{correction.Reference}";
        var sent = await api.SendJsonAsync(HttpMethod.Post, $"{correctionAddress}/submit", null, $"\"{correction.Version}\"");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var first = await (await api.GetAsync(address, Ct)).ReadAsync<StatusReportView>();
        Assert.Equal(("superseded", correction.Reference), (first.State, first.CorrectedBy));
        Assert.Equal([risk.Reference], first.Facts.Raid.TopRisks.Select(r => r.Reference));
        var list = await (await api.GetAsync($"/api/v1/units/{project.Code}/reports", Ct)).ReadAsync<List<StatusReportSummary>>();
        Assert.Equal([(correction.Reference, 2), (report.Reference, 1)], list.Select(r => (r.Reference, r.Edition)));

        // Each step is in the history, and the audit covers the snapshots: altering one is found.
        var history = await (await api.GetAsync($"{address}/history", Ct)).ReadAsync<Steward.Infrastructure.CursorPage<HistoryEntry>>();
        Assert.Equal(["Superseded", "Approved", "Submitted"], history.Items.Take(3).Select(h => h.Changes.Single(c => c.Field == "State").To));
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).IsIntact);
        var original = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ReportSnapshots.Where(s => s.ReportId == report.Id).Select(s => s.Content).SingleAsync());
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ReportSnapshots.Where(s => s.ReportId == report.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Content, new byte[] { 1, 2, 3 })));
        var broken = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.False(broken.IsIntact);
        Assert.Contains("report snapshots", broken.Problem, StringComparison.Ordinal);
        // Put back, as the database is shared with the other tests of the class.
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ReportSnapshots.Where(s => s.ReportId == report.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Content, original)));
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).IsIntact);
    }

    [Fact]
    public async Task RatingsAreCheckedOnTheScale_AndAWorseRatingNeedsAReason()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, "five-point", null), null)).StatusCode);
        var earlier = await SubmittedAsync(api, project.Code, MonthBefore, "amber-green", new RatingInput("green", null));

        var later = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(LastMonth), null)).ReadAsync<StatusReportView>();
        Assert.Equal(("amber-green", "green"), (later.Dca!.Rating, later.Dimensions[0].Rating));
        var address = $"/api/v1/units/{project.Code}/reports/{later.Reference}";
        later = await (await api.SendJsonAsync(HttpMethod.Put, address, Words("amber-red", new RatingInput("red", null)), $"\"{later.Version}\"")).ReadAsync<StatusReportView>();
        var refused = await api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{later.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("fell from Amber/Green", (await refused.FieldErrorsAsync("dcaJustification")).Single(), StringComparison.Ordinal);
        Assert.Contains("worsened from Green", (await refused.FieldErrorsAsync("schedule.justification")).Single(), StringComparison.Ordinal);
        Assert.Equal("draft", (await (await api.GetAsync(address, Ct)).ReadAsync<StatusReportView>()).State);

        // Back to three points: the five-point rating stays as given and reads on the new scale.
        var cycle = await api.GetAsync($"/api/v1/units/{portfolio.Code}/reporting-cycle", Ct);
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, "three-point", null), cycle.Headers.ETag!.Tag)).StatusCode);
        var shown = await (await api.GetAsync($"/api/v1/units/{project.Code}/reports/{earlier.Reference}", Ct)).ReadAsync<StatusReportView>();
        Assert.Equal(("amber-green", "Amber/Green", "five-point", "Amber"), (shown.Dca!.Rating, shown.Dca.Label, shown.Dca.Scale, shown.Dca.DisplayedAs));
        var fivePoint = await api.SendJsonAsync(HttpMethod.Put, address, Words("amber-red", null), $"\"{later.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, fivePoint.StatusCode);
        Assert.Contains("is not on the three-point", (await fivePoint.FieldErrorsAsync("dca")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_AndTheWorkflowsRoleChecks()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var api = app.Api();
        var bad = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("daily", 90, "seven-point", null), null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEmpty(await bad.FieldErrorsAsync("cadence"));
        Assert.NotEmpty(await bad.FieldErrorsAsync("dueDays"));
        Assert.NotEmpty(await bad.FieldErrorsAsync("scale"));
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("fortnightly", 3, null, true), null)).StatusCode);

        var reports = $"/api/v1/units/{project.Code}/reports";
        var even = await api.SendJsonAsync(HttpMethod.Post, reports, new DraftRequest("2026-W48"), null);
        Assert.Contains("does not start a fortnight", (await even.FieldErrorsAsync("period")).Single(), StringComparison.Ordinal);
        Assert.Contains("is not a fortnightly period", (await (await api.SendJsonAsync(HttpMethod.Post, reports, new DraftRequest("2026-11"), null)).FieldErrorsAsync("period")).Single(), StringComparison.Ordinal);
        Assert.Empty(await (await api.GetAsync(reports, Ct)).ReadAsync<List<StatusReportSummary>>());

        // The manager drafts and submits; without a DCA it cannot be submitted.
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, project.Code)));
        var period = ReportingPeriod.Containing(ReportingCadence.Fortnightly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key;
        var report = await (await manager.SendJsonAsync(HttpMethod.Post, reports, new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.Conflict, (await manager.SendJsonAsync(HttpMethod.Post, reports, new DraftRequest(period), null)).StatusCode);
        var address = $"{reports}/{report.Reference}";
        var noDca = await manager.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"");
        Assert.Contains("Give the overall delivery confidence", (await noDca.FieldErrorsAsync("dca")).Single(), StringComparison.Ordinal);

        // Two people editing one draft: the second, against the version both read, is stale and nothing of theirs is written.
        var first = await manager.SendJsonAsync(HttpMethod.Put, address, Words("green", null), $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.SendJsonAsync(HttpMethod.Put, address, Words("red", null) with { Summary = "Second editor" }, $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        report = await (await api.GetAsync(address, Ct)).ReadAsync<StatusReportView>();
        Assert.Equal(("green", "Summary of the period"), (report.Dca!.Rating, report.Summary));

        // A viewer may read but not draft; the manager may not approve; nor may the SRO approve what they submitted themselves here.
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code)));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(address, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendJsonAsync(HttpMethod.Put, address, Words("red", null), $"\"{report.Version}\"")).StatusCode);
        var sroEmail = await app.AddAccountWithRoleAsync(StewardRole.Sro, project.Code);
        var sro = app.Api(await app.CreateTokenAsync(sroEmail));
        report = await (await sro.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal("submitted", report.State);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendJsonAsync(HttpMethod.Post, $"{address}/approve", null, $"\"{report.Version}\"")).StatusCode);
        // Allowing it on the project does not undo the portfolio's ban.
        Assert.Equal(HttpStatusCode.OK, (await sro.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/reporting-cycle", new ReportingCycleInput("fortnightly", 3, null, false), null)).StatusCode);
        var own = await sro.SendJsonAsync(HttpMethod.Post, $"{address}/approve", null, $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("does not allow approving one's own report", (await own.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another who may approve returns it with comments (required); the author changes it and submits again.
        var pmo = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.PmoManager, portfolio.Code)));
        Assert.NotEmpty(await (await pmo.SendJsonAsync(HttpMethod.Post, $"{address}/return", new ReturnRequest(" "), $"\"{report.Version}\"")).FieldErrorsAsync("comment"));
        var returned = await pmo.SendJsonAsync(HttpMethod.Post, $"{address}/return", new ReturnRequest("Say what the recovery plan is"), $"\"{report.Version}\"");
        report = await returned.ReadAsync<StatusReportView>();
        Assert.Equal(("returned", "Say what the recovery plan is", false), (report.State, report.ReturnComment, report.FactsFrozen));
        report = await (await manager.SendJsonAsync(HttpMethod.Put, address, Words("green", null) with { DecisionsNeeded = "Agree the recovery plan" }, $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        report = await (await manager.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.OK, (await sro.SendJsonAsync(HttpMethod.Post, $"{address}/approve", null, $"\"{report.Version}\"")).StatusCode);
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).IsIntact);

        // An independent assessment is an assurance role's, on the portfolio's scale.
        var assurance = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.AssuranceManager, portfolio.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/independent-dca", new IndependentDcaInput(new DateOnly(2026, 11, 1), "ipa", "amber", null), null)).StatusCode);
        var fivePoint = await assurance.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/independent-dca", new IndependentDcaInput(new DateOnly(2026, 11, 1), "ipa", "amber-red", null), null);
        Assert.NotEmpty(await fivePoint.FieldErrorsAsync("rating"));
        Assert.Equal(HttpStatusCode.Created, (await assurance.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/independent-dca", new IndependentDcaInput(new DateOnly(2026, 11, 1), "ipa", "amber", "Gateway 2"), null)).StatusCode);
    }

    // A period skipped stays late when the next one ends, for a unit that existed then; a new unit owes only the last.
    [Fact]
    public async Task ASkippedPeriod_StaysLate_ForAUnitThatExistedThen()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, null, null), null)).StatusCode);
        var last = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        var (before, twoBefore) = (last.Previous(), last.Previous().Previous());
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<StewardDbContext>().Units.Where(u => u.Id == project.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, twoBefore.Start.ToDateTime(TimeOnly.MinValue))));
        // The project reported the month before last only.
        var report = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(before.Key), null)).ReadAsync<StatusReportView>();
        report = await (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/reports/{report.Reference}",
            new StatusReportInput("Late but here", null, null, null, null, "green", null), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports/{report.Reference}/submit", null, $"\"{report.Version}\"")).StatusCode);

        var due = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/reports/due", Ct)).ReadAsync<ReportsDueView>();
        Assert.Equal([twoBefore.Key, last.Key], due.Reports.Where(d => d.Unit.Code == project.Code).Select(d => d.Period).Order(StringComparer.Ordinal));
        Assert.True(due.Reports.Single(d => d.Unit.Code == project.Code && d.Period == twoBefore.Key).Late);
        Assert.Equal([last.Key], due.Reports.Where(d => d.Unit.Code == programme.Code).Select(d => d.Period));
    }

    // A report is often written after its period: its month's money is that of the period's month, not this one's.
    [Fact]
    public async Task ThePrefilledMonthsMoney_IsThePeriodsMonth()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, today).Previous();
        var (then, now) = (Steward.Features.Finance.FinancialYear.Of(period.End), Steward.Features.Finance.FinancialYear.Of(today));
        // This month's forecast is five times last month's: quoting this month would give 500,000 pence.
        var lines = new[]
        {
            new { category = "cdel", year = then.ToString(), months = new Dictionary<string, string> { [$"P{Steward.Features.Finance.FinancialYear.PeriodOf(period.End)}"] = "1000" } },
            new { category = "rdel-programme", year = now.ToString(), months = new Dictionary<string, string> { [$"P{Steward.Features.Finance.FinancialYear.PeriodOf(today)}"] = "5000" } },
        };
        (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/finance/forecast", new { reason = "Profile", changeTotal = true, lines }, null)).EnsureSuccessStatusCode();

        var facts = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/reports/prefill?period={period.Key}", Ct)).ReadAsync<ReportFacts>();
        var month = facts.Finance?.MonthPosition ?? throw new InvalidOperationException("no month in the pre-fill");
        Assert.Equal(100_000, month.Forecast.Pence);
        Assert.StartsWith($"P{Steward.Features.Finance.FinancialYear.PeriodOf(period.End)} ", facts.Finance!.Month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLine_ListsWhatIsDue_AndTakesAReportThroughItsWorkflow()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var due = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "due", "--unit", portfolio.Code, "--database", app.ConnectionString);
        Assert.True(due.ExitCode == 0, due.Error);
        Assert.Contains($"{project.Code}", due.Output, StringComparison.Ordinal);
        Assert.Contains("not-started", due.Output, StringComparison.Ordinal);

        var drafted = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "draft", "--unit", project.Code, "--database", app.ConnectionString);
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var reference = drafted.Output.Split(' ')[1];
        var noDca = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "submit", "--unit", project.Code, "--reference", reference, "--database", app.ConnectionString);
        Assert.NotEqual(0, noDca.ExitCode);
        Assert.Contains("Give the overall delivery confidence", noDca.Error, StringComparison.Ordinal);
        var report = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/reports/{reference}", Ct)).ReadAsync<StatusReportView>();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/reports/{reference}", Words("green", null), $"\"{report.Version}\"")).StatusCode);
        foreach (var step in new[] { "submit", "approve" })
        {
            var run = await Steward.Tests.Cli.StewardProcess.RunAsync("report", step, "--unit", project.Code, "--reference", reference, "--database", app.ConnectionString);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var shown = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "show", "--unit", project.Code, "--reference", reference, "--json", "--database", app.ConnectionString);
        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("\"state\": \"approved\"", shown.Output, StringComparison.Ordinal);
        Assert.Contains("\"factsFrozen\": true", shown.Output, StringComparison.Ordinal);

        // What the reporting pages show: the snapshot, the dashboard above the project, the exceptions.
        var snapshot = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "snapshot", "--unit", project.Code, "--reference", reference, "--database", app.ConnectionString);
        Assert.True(snapshot.ExitCode == 0, snapshot.Error);
        Assert.Contains($"\"digest\": \"{(await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/reports/{reference}", Ct)).ReadAsync<StatusReportView>()).SnapshotDigest}\"", snapshot.Output, StringComparison.Ordinal);
        var dashboard = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "dashboard", "--unit", programme.Code, "--database", app.ConnectionString);
        Assert.True(dashboard.ExitCode == 0, dashboard.Error);
        Assert.Contains($"{project.Code}", dashboard.Output, StringComparison.Ordinal);
        Assert.Contains("green", dashboard.Output, StringComparison.Ordinal);
        var exceptions = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "exceptions", "--unit", portfolio.Code, "--state", "open", "--json", "--database", app.ConnectionString);
        Assert.True(exceptions.ExitCode == 0, exceptions.Error);
        Assert.StartsWith("[", exceptions.Output.Trim(), StringComparison.Ordinal);
        var badState = await Steward.Tests.Cli.StewardProcess.RunAsync("report", "exceptions", "--unit", portfolio.Code, "--state", "shut", "--database", app.ConnectionString);
        Assert.NotEqual(0, badState.ExitCode);
        Assert.Contains("state", badState.Error, StringComparison.Ordinal);
    }

    private static async Task<StatusReportView> SubmittedAsync(HttpClient api, string unit, string period, string dca, RatingInput schedule)
    {
        var report = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unit}/reports", new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        var address = $"/api/v1/units/{unit}/reports/{report.Reference}";
        report = await (await api.SendJsonAsync(HttpMethod.Put, address, Words(dca, schedule), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        var submitted = await api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return await submitted.ReadAsync<StatusReportView>();
    }

    private static StatusReportInput Words(string dca, RatingInput? schedule) =>
        new("Summary of the period", "Built the thing", "Test the thing", null, null, dca, null, schedule);
}

public sealed class StatusReportsApiOnSqlite(SqliteApp app) : StatusReportsApiTests<SqliteApp>(app);

public sealed class StatusReportsApiOnPostgres(PostgresApp app) : StatusReportsApiTests<PostgresApp>(app);

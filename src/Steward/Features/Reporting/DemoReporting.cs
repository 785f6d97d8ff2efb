using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Reporting;

// The demo department's reporting: monthly for the whole portfolio, a year of reports from every open
// programme and project, each submitted and approved, with believable movement: the eGates Replacement
// sliding from Amber to Red, the Casework Case Management System recovering from Red to Green, and the
// latest month still open for some (one draft, one returned, one not started). An IPA assessment of
// Digital Borders sits beside its SRO's own.
internal static class DemoReporting
{
    private const int Months = 12;

    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var service = demo.Services.GetRequiredService<StatusReportService>();
        var prefill = demo.Services.GetRequiredService<ReportPrefill>();
        var unitQueries = demo.Services.GetRequiredService<UnitQueries>();
        var db = demo.Services.GetRequiredService<StewardDbContext>();
        await demo.Services.GetRequiredService<ReportingCycles>().SetCycleAsync("DPP-PFL-001", null, new ReportingCycleInput("monthly", 5, "three-point", true), ct);

        var units = await db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project) && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused))
            .OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        var latest = ReportingPeriod.Containing(ReportingCadence.Monthly, demo.Today).Previous();
        var first = Enumerable.Range(1, Months - 1).Aggregate(latest, (p, _) => p.Previous());
        var snapshots = demo.Services.GetRequiredService<ReportSnapshots>();
        var unitIds = await db.Units.AsNoTracking().Where(u => units.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        foreach (var code in units)
        {
            // The year before the latest month, written as already approved in one save a unit (for speed),
            // each quoting the registers as they stand today, moved to its period.
            var facts = await prefill.GatherAsync(await unitQueries.RequireAsync(code, ct), latest, null, ct);
            var number = await db.StatusReports.MaxAsync(r => (int?)r.Number, ct) ?? 0;
            var period = first;
            for (var month = 0; month < Months - 1; month++, period = period.Next())
            {
                var report = new StatusReport
                {
                    Id = Guid.CreateVersion7(), UnitId = unitIds[code], Number = ++number, Cadence = ReportingCadence.Monthly, Period = period.Key,
                    PeriodStart = period.Start, PeriodEnd = period.End, State = StatusReportState.Approved, DcaScale = DcaScale.ThreePoint,
                    SubmittedAt = period.End.AddDays(3).ToDateTime(new TimeOnly(9, 0)), SubmittedBy = "Steward demo",
                    DecidedAt = period.End.AddDays(4).ToDateTime(new TimeOnly(9, 0)), DecidedBy = "Steward demo",
                };
                Write(report, Words(code, month, period));
                db.StatusReports.Add(report);
                snapshots.Stage(report, facts with { Period = period.Key, PeriodStart = period.Start, PeriodEnd = period.End }, report.SubmittedAt.Value);
            }

            await db.SaveChangesAsync(ct);

            // The latest month through the workflow, still open for some.
            if (code is "DPP-PRJ-009")
            {
                continue;
            }

            var latestReport = await service.DraftAsync(code, new DraftRequest(latest.Key), ct);
            latestReport = await service.UpdateAsync(latestReport.Id, latestReport.Version, Words(code, Months - 1, latest), ct);
            if (code is "DPP-PRJ-011")
            {
                continue;
            }

            latestReport = await service.SubmitAsync(latestReport.Id, latestReport.Version, facts with { Period = latest.Key, PeriodStart = latest.Start, PeriodEnd = latest.End }, ct);
            if (code is "DPP-PRJ-012")
            {
                await service.ReturnAsync(latestReport.Id, latestReport.Version, new ReturnRequest("Say how the payroll cut-over risk is being managed before this goes to the board."), ct);
                continue;
            }

            await service.ApproveAsync(latestReport.Id, latestReport.Version, ct);
        }

        await demo.Services.GetRequiredService<IndependentAssessments>().RecordIndependentAsync("DPP-PRG-001", new IndependentDcaInput(latest.End.AddDays(-20), "ipa", "amber", "Gateway 3 review: significant issues with the eGates supplier's plan; resolvable."), ct);

        // The latest month's board packs of the portfolio and of Digital Borders, printed when Steward serves
        // (where it has Chromium): queued here, as a person asking for them would.
        foreach (var code in new[] { "DPP-PFL-001", "DPP-PRG-001" })
        {
            db.BoardPacks.Add(new BoardPacks.BoardPack
            {
                Id = Guid.CreateVersion7(), UnitId = await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync(ct), Period = latest.Key,
                State = BoardPacks.BoardPackState.Queued, Step = "Waiting to be printed", RequestedBy = "Steward demo", RequestedAt = demo.Today.ToDateTime(new TimeOnly(8, 0)),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static StatusReportInput Words(string code, int month, ReportingPeriod period)
    {
        var dca = Story(code, month);
        var cost = dca == "green" ? "green" : "amber";
        return new StatusReportInput(
            Summary(code, dca, period), Achieved(month), Next(month), dca == "red" ? "Agree the recovery plan and whether to re-baseline." : null, null, dca,
            dca == "red" ? "The supplier's revised plan puts the go-live beyond the approved tolerance." : dca == "amber" ? "Significant issues, resolvable with attention." : null,
            new(dca, dca == "red" ? "Go-live forecast beyond the time tolerance." : dca == "amber" ? "Slippage on the critical path." : null),
            new(cost, cost == "amber" ? "Forecast above budget this year." : null),
            new("green", null), new(dca == "red" ? "red" : "amber", dca == "red" ? "Two risks now above the portfolio's appetite." : "Open risks being managed."),
            new("amber", "Vacancies in the delivery team."), new("green", null));
    }

    // The words and ratings of a report written straight into the table (the demo's earlier months).
    private static void Write(StatusReport report, StatusReportInput words)
    {
        (report.Summary, report.Achievements, report.NextPeriod, report.DecisionsNeeded, report.Dca, report.DcaJustification) =
            (words.Summary, words.Achievements, words.NextPeriod, words.DecisionsNeeded, Enum.Parse<DcaRating>(words.Dca!, true), words.DcaJustification);
        foreach (var dimension in Enum.GetValues<ReportDimension>())
        {
            var rating = words.For(dimension);
            report.Rate(dimension, rating?.Rating is { } r ? Enum.Parse<Rag>(r, true) : null, rating?.Justification);
        }
    }

    // The eGates Replacement slides; the case-management system recovers; the rest hold steady.
    private static string Story(string code, int month) => code switch
    {
        "DPP-PRJ-003" => month < 6 ? "green" : month < Months - 1 ? "amber" : "red",
        "DPP-PRJ-005" => month < 4 ? "red" : month < Months - 1 ? "amber" : "green",
        "DPP-PRG-001" => month < 9 ? "green" : "amber",
        "DPP-PRJ-006" => "amber",
        _ => (month + code[^1]) % 5 == 4 && month < Months - 1 ? "amber" : "green",
    };

    private static string Summary(string code, string dca, ReportingPeriod period) => dca switch
    {
        "red" => $"{code} in {period.Describe()}: delivery is in doubt; the board must decide on the recovery plan.",
        "amber" => $"{code} in {period.Describe()}: significant issues being worked through; on track for the next milestone if they are resolved.",
        _ => $"{code} in {period.Describe()}: on track against plan and budget.",
    };

    private static string Achieved(int month) => (month % 3) switch
    {
        0 => "Completed sprint reviews; supplier assurance meeting held; risk workshop run.",
        1 => "User research round complete; design authority approved the target architecture.",
        _ => "Quarterly business case check; benefits measures refreshed.",
    };

    private static string Next(int month) => month % 2 == 0 ? "Finish integration testing; prepare the next gateway review." : "Start pilot at two ports; refresh the schedule risk analysis.";
}

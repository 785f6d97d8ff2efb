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
        var db = demo.Services.GetRequiredService<StewardDbContext>();
        await service.SetCycleAsync("DPP-PFL-001", null, new ReportingCycleInput("monthly", 5, "three-point", true), ct);

        var units = await db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project) && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused))
            .OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        var latest = ReportingPeriod.Containing(ReportingCadence.Monthly, demo.Today).Previous();
        var first = Enumerable.Range(1, Months - 1).Aggregate(latest, (p, _) => p.Previous());
        foreach (var code in units)
        {
            var period = first;
            for (var month = 0; month < Months; month++, period = period.Next())
            {
                var last = month == Months - 1;
                var dca = Story(code, month);
                var (schedule, cost) = (dca, dca == "green" ? "green" : "amber");
                // The latest month is still open for some.
                if (last && code is "DPP-PRJ-009")
                {
                    continue;
                }

                var report = await service.DraftAsync(code, new DraftRequest(period.Key), ct);
                report = await service.UpdateAsync(report.Id, report.Version, new StatusReportInput(
                    Summary(code, dca, period), Achieved(month), Next(month), dca == "red" ? "Agree the recovery plan and whether to re-baseline." : null, null, dca,
                    dca == "red" ? "The supplier's revised plan puts the go-live beyond the approved tolerance." : dca == "amber" ? "Significant issues, resolvable with attention." : null,
                    new(schedule, schedule == "red" ? "Go-live forecast beyond the time tolerance." : schedule == "amber" ? "Slippage on the critical path." : null),
                    new(cost, cost == "amber" ? "Forecast above budget this year." : null),
                    new("green", null), new(dca == "red" ? "red" : "amber", dca == "red" ? "Two risks now above the portfolio's appetite." : "Open risks being managed."),
                    new("amber", "Vacancies in the delivery team."), new("green", null)), ct);
                if (last && code is "DPP-PRJ-011")
                {
                    continue;
                }

                report = await service.SubmitAsync(report.Id, report.Version, ct);
                if (last && code is "DPP-PRJ-012")
                {
                    await service.ReturnAsync(report.Id, report.Version, new ReturnRequest("Say how the payroll cut-over risk is being managed before this goes to the board."), ct);
                    continue;
                }

                await service.ApproveAsync(report.Id, report.Version, ct);
            }
        }

        await service.RecordIndependentAsync("DPP-PRG-001", new IndependentDcaInput(latest.End.AddDays(-20), "ipa", "amber", "Gateway 3 review: significant issues with the eGates supplier's plan; resolvable."), ct);
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

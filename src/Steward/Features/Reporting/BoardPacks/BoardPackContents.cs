using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Reporting.Dashboard;
using Steward.Features.Reporting.Exceptions;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.BoardPacks;

// Gathers what a board pack prints for a unit and period: the dashboard of the units below, their open
// exceptions, the reports of record of the units directly below for the period, and the unit's own
// figures (top risks, milestones, finance, benefits).
public sealed class BoardPackContents(
    StewardDbContext db, UnitQueries units, ReportingRuleBook rules, ReportQueries reports, DashboardQueries dashboards, ExceptionQueries exceptions, TimeProvider clock)
{
    // A programme board reads its projects' reports; past this many the pack points to the dashboard.
    public const int MaxReports = 60;

    // The period named (its key on the unit's cadence), or the last ended period; a key that does not fit
    // the cadence is refused naming the field.
    public async Task<ReportingPeriod> PeriodAsync(UnitView unit, string? periodKey, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var key = string.IsNullOrWhiteSpace(periodKey) ? held.LastEnded(reports.Today).Key : periodKey.Trim();
        if (!ReportingPeriod.TryParse(held.Cadence, key, out var period, out var problem))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("period", $"{problem} ({unit.Code} reports {ReportingPeriod.Word(held.Cadence)})")]);
        }

        return period;
    }

    public async Task<BoardPackContent> GatherAsync(UnitView unit, ReportingPeriod period, Func<int, string, Task>? progress = null, CancellationToken ct = default)
    {
        var scale = (await rules.ForAsync(unit, ct)).Scale;
        await (progress?.Invoke(5, "Reading the dashboard") ?? Task.CompletedTask);
        var dashboard = await dashboards.ForAsync(unit, new DashboardFilter(), ct);
        var distribution = await reports.DistributionAsync(unit, 6, ct);
        var open = (await exceptions.ListAsync(unit, null, ct)).Where(e => e.State != EnumText.Of(ExceptionState.Decided)).ToList();

        var own = await OfRecordAsync([unit.Id], period, ct);
        StatusReportView? ownReport = own.TryGetValue(unit.Id, out var mine) ? await reports.ViewAsync(unit, mine, ct) : null;
        var facts = ownReport?.Facts ?? await reports.PrefillAsync(unit, period.Key, ct);

        var below = dashboard.Rows.OrderBy(r => r.Unit.Code, StringComparer.Ordinal).Take(MaxReports).ToList();
        var ofRecord = await OfRecordAsync(below.Select(r => r.Unit.Id).ToList(), period, ct);
        var packReports = new List<BoardPackReport>();
        foreach (var row in below)
        {
            await (progress?.Invoke(10 + (40 * packReports.Count / Math.Max(1, below.Count)), $"Reading the report of {row.Unit.Code} ({packReports.Count + 1} of {below.Count})") ?? Task.CompletedTask);
            StatusReportView? view = null;
            if (ofRecord.TryGetValue(row.Unit.Id, out var report) && await units.GetAsync(row.Unit.Id, ct) is { } child)
            {
                view = await reports.ViewAsync(child, report, ct);
            }

            packReports.Add(new BoardPackReport(row.Unit, view));
        }

        return new BoardPackContent(unit, period, EnumText.Of(scale), clock.GetUtcNow().UtcDateTime, ownReport, facts, ownReport?.FactsFrozen != true,
            dashboard, distribution, open, packReports, Math.Max(0, dashboard.Rows.Count - below.Count));
    }

    // Each unit's report of record for the period: submitted or approved, whose period ends within it
    // (a weekly project in a monthly programme: its last week of the month), the latest edition.
    private async Task<Dictionary<Guid, StatusReport>> OfRecordAsync(List<Guid> ids, ReportingPeriod period, CancellationToken ct) =>
        (await db.StatusReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.PeriodEnd >= period.Start && r.PeriodEnd <= period.End
                && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .ToListAsync(ct))
        .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Edition).First());
}

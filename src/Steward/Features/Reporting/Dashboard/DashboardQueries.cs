using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Finance;
using Steward.Features.People;
using Steward.Features.Reporting.Exceptions;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.Dashboard;

// The dashboard of a unit: each unit directly below it with its latest DCA and ratings, whether its report
// is late, open exceptions and milestones at risk in it and below it, this year's money and benefits.
public sealed class DashboardQueries(StewardDbContext db, ReportingRuleBook rules, ReportQueries reports, FinanceQueries finance, TimeProvider clock)
{
    public const int MaxChildren = 500;

    // At most this many open exceptions and milestones at risk are counted below one unit.
    public const int MaxCounted = 100_000;

    public async Task<DashboardView> ForAsync(UnitView unit, DashboardFilter filter, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var scale = (await rules.ForAsync(unit, ct)).Scale;
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code).Take(MaxChildren)
            .Select(u => new
            {
                Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.Path, u.Category, u.Stage, u.Status,
                Sro = u.Sro == null ? null : new PersonRef(u.Sro.Id, u.Sro.Name, u.Sro.Email),
            })
            .ToListAsync(ct);
        var ids = children.Select(c => c.Ref.Id).ToList();

        // Each child's own latest report of record.
        var since = today.AddDays(-400);
        var latest = (await db.StatusReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.PeriodEnd >= since && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .ToListAsync(ct))
            .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).First());
        var late = (await reports.DueAmongAsync(db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)), ct)).Reports.Where(r => r.Late).Select(r => r.Unit.Id).ToHashSet();

        // What needs attention anywhere below each child, each found in one query for the whole subtree and
        // counted against the child whose path the unit holding it sits under.
        var below = db.IdsUnder(unit.Path);
        var exceptionPaths = await db.ExceptionReports.AsNoTracking().Where(e => e.State != ExceptionState.Decided && below.Contains(e.UnitId))
            .Select(e => e.Unit!.Path).Take(MaxCounted).ToListAsync(ct);
        var now = today.ToDateTime(TimeOnly.MinValue);
        // Not done, and forecast past its deadline or already past its forecast date.
        var milestonePaths = await db.PlanTasks.AsNoTracking()
            .Where(t => t.Milestone && t.PercentComplete < 100 && below.Contains(t.Plan!.UnitId) && ((t.Deadline != null && t.EarlyFinish > t.Deadline) || t.EarlyFinish < now))
            .Select(t => t.Plan!.Unit!.Path).Take(MaxCounted).ToListAsync(ct);
        var year = FinancialYear.Of(today).Start;
        var worth = await db.BenefitYears.AsNoTracking().Where(y => y.Year == year)
            .Join(db.Benefits.Where(b => below.Contains(b.UnitId)), y => y.BenefitId, b => b.Id, (y, b) => new { b.Unit!.Path, y.Planned, Realised = y.Realised ?? 0 })
            .GroupBy(x => x.Path).Select(g => new { Path = g.Key, Planned = g.Sum(x => x.Planned), Realised = g.Sum(x => x.Realised) })
            .ToListAsync(ct);
        var exceptions = CountByChild(unit.Path, exceptionPaths.Select(p => (p, 1L)));
        var atRisk = CountByChild(unit.Path, milestonePaths.Select(p => (p, 1L)));
        var planned = CountByChild(unit.Path, worth.Select(w => (w.Path, w.Planned)));
        var realised = CountByChild(unit.Path, worth.Select(w => (w.Path, w.Realised)));

        var money = children.Count == 0 ? null : await finance.ViewAsync(unit, null, null, ct);
        var moneyBelow = money?.Below.ToDictionary(b => b.Unit.Id) ?? [];

        var rows = children.Select(c =>
        {
            var report = latest.GetValueOrDefault(c.Ref.Id);
            var shown = report?.Dca is { } d ? DeliveryConfidence.Display(d, scale) : (DcaRating?)null;
            var cash = moneyBelow.GetValueOrDefault(c.Ref.Id);
            var (plannedHere, realisedHere) = (planned.GetValueOrDefault(c.Ref.Id), realised.GetValueOrDefault(c.Ref.Id));
            return new DashboardRow(c.Ref, EnumText.Of(c.Category), EnumText.Of(c.Stage), EnumText.Of(c.Status), c.Sro, report?.Period,
                shown is { } s ? EnumText.Of(s) : null, shown is { } l ? DeliveryConfidence.Label(l) : null,
                Enum.GetValues<ReportDimension>().ToDictionary(EnumText.Of, dim => report?.Rating(dim) is { } r ? EnumText.Of(r) : null),
                late.Contains(c.Ref.Id), (int)exceptions.GetValueOrDefault(c.Ref.Id), (int)atRisk.GetValueOrDefault(c.Ref.Id), cash?.Year, cash?.Year.VariancePercent, cash?.BeyondTolerance ?? false,
                plannedHere == 0 && realisedHere == 0 ? null : new Money(plannedHere), plannedHere == 0 && realisedHere == 0 ? null : new Money(realisedHere));
        });

        var filtered = rows.Where(r => string.IsNullOrWhiteSpace(filter.Category) || r.Category == filter.Category)
            .Where(r => string.IsNullOrWhiteSpace(filter.Stage) || r.Stage == filter.Stage)
            .Where(r => string.IsNullOrWhiteSpace(filter.Dca) || (filter.Dca == "none" ? r.Dca is null : r.Dca == filter.Dca))
            .Where(r => filter.Sro is null || r.Sro?.Id == filter.Sro)
            .ToList();
        var sorted = Sort(filtered, filter);
        return new DashboardView(new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind), EnumText.Of(scale), money?.Year, children.Count, sorted,
            Enum.GetValues<DcaRating>().Where(r => DeliveryConfidence.OnScale(r, scale)).Select(EnumText.Of).Append("none")
                .ToDictionary(r => r, r => sorted.Count(row => (row.Dca ?? "none") == r)),
            sorted.Count(r => r.ReportLate), sorted.Sum(r => r.OpenExceptions), sorted.Sum(r => r.MilestonesAtRisk));
    }

    // Sums values by the child of the unit at `path` that each descendant's path runs through: the segment
    // after the unit's own path is that child's id. Values on the unit itself count for no child.
    private static Dictionary<Guid, long> CountByChild(string path, IEnumerable<(string Path, long Value)> values)
    {
        var sums = new Dictionary<Guid, long>();
        foreach (var (descendant, value) in values)
        {
            var end = descendant.IndexOf('/', path.Length);
            if (descendant.StartsWith(path, StringComparison.Ordinal) && end > path.Length && Guid.TryParse(descendant.AsSpan(path.Length, end - path.Length), out var child))
            {
                sums[child] = sums.GetValueOrDefault(child) + value;
            }
        }

        return sums;
    }

    private static List<DashboardRow> Sort(List<DashboardRow> rows, DashboardFilter filter)
    {
        // Worst first by default for the measures that need attention; a name or code reads A to Z.
        IOrderedEnumerable<DashboardRow> ordered = filter.Sort switch
        {
            "name" => rows.OrderBy(r => r.Unit.Name, StringComparer.OrdinalIgnoreCase),
            "dca" => rows.OrderByDescending(r => r.Dca is null ? -1 : (int)Enum.Parse<DcaRating>(r.Dca.Replace("-", string.Empty, StringComparison.Ordinal), true)),
            "late" => rows.OrderByDescending(r => r.ReportLate),
            "exceptions" => rows.OrderByDescending(r => r.OpenExceptions),
            "milestones" => rows.OrderByDescending(r => r.MilestonesAtRisk),
            "variance" => rows.OrderByDescending(r => r.YearVariancePercent ?? decimal.MinValue),
            _ => rows.OrderBy(r => r.Unit.Code, StringComparer.Ordinal),
        };
        var result = ordered.ThenBy(r => r.Unit.Code, StringComparer.Ordinal).ToList();
        if (filter.Descending)
        {
            result.Reverse();
        }

        return result;
    }
}

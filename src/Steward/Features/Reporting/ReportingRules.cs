using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Reporting;

// A unit's reporting rules as they hold for it: each from the nearest unit at or above it that set one
// (except that a ban on approving one's own report set anywhere above holds below), else Steward's defaults (monthly, due five days after the period ends, three-point DCA, and the
// person who submitted a report may approve it).
public sealed record ReportingRules(
    ReportingCadence Cadence, int DueDays, UnitRef? CadenceSetAt, DcaScale Scale, UnitRef? ScaleSetAt, bool ForbidSelfApproval, UnitRef? SelfApprovalSetAt, int? Version)
{
    public const ReportingCadence DefaultCadence = ReportingCadence.Monthly;
    public const int DefaultDueDays = 5;

    public DateOnly DueOn(ReportingPeriod period) => period.End.AddDays(DueDays);

    // The latest period that has ended by today: the one whose report is due next or late.
    public ReportingPeriod LastEnded(DateOnly today) => ReportingPeriod.Containing(Cadence, today).Previous();
}

public sealed class ReportingRuleBook(StewardDbContext db)
{
    public async Task<ReportingRules> ForAsync(IUnitLocation unit, CancellationToken ct = default) =>
        (await ForManyAsync([(unit.Id, unit.Path)], ct))[unit.Id];

    // For many units at once (the due list of a portfolio): one read of every cycle on their ways up.
    public async Task<IReadOnlyDictionary<Guid, ReportingRules>> ForManyAsync(IReadOnlyCollection<(Guid Id, string Path)> units, CancellationToken ct = default)
    {
        var ladder = units.SelectMany(u => UnitPath.Ids(u.Path)).Append(Guid.Empty).Distinct().ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => ladder.Contains(c.UnitId))
            .Select(c => new { c.UnitId, c.Cadence, c.DueDays, c.Scale, c.ForbidSelfApproval, c.Version, Unit = new UnitRef(c.Unit!.Id, c.Unit.Code, c.Unit.Name, c.Unit.Kind) })
            .ToDictionaryAsync(c => c.UnitId, ct);
        var rules = new Dictionary<Guid, ReportingRules>();
        foreach (var (id, path) in units)
        {
            // Nearest first: the unit itself, then its parent, up to the top.
            var upward = Enumerable.Reverse(UnitPath.Ids(path)).Where(cycles.ContainsKey).Select(u => cycles[u]).ToList();
            var cadence = upward.FirstOrDefault();
            var scale = upward.FirstOrDefault(c => c.Scale is not null);
            // Forbidding self-approval anywhere above holds below: a unit cannot allow what its portfolio forbids.
            var self = upward.LastOrDefault(c => c.ForbidSelfApproval == true) ?? upward.FirstOrDefault(c => c.ForbidSelfApproval is not null);
            rules[id] = new ReportingRules(
                cadence?.Cadence ?? ReportingRules.DefaultCadence, cadence?.DueDays ?? ReportingRules.DefaultDueDays, cadence?.Unit,
                scale?.Scale ?? DcaScale.ThreePoint, scale?.Unit, self?.ForbidSelfApproval ?? false, self?.Unit,
                cycles.TryGetValue(id, out var own) ? own.Version : null);
        }

        return rules;
    }
}

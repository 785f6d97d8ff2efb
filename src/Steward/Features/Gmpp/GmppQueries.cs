using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Gmpp;

// A unit's GMPP entry and its data by snapshot date, oldest first, for its page, the API and the command line.
public sealed class GmppQueries(StewardDbContext db, RegisterUnits units)
{
    public async Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct = default) =>
        await units.ReadableViewAsync(PmoArea.Reporting, unitKey, "GMPP data", ct);

    public async Task<GmppUnitView> UnitAsync(UnitView unit, CancellationToken ct = default)
    {
        var membership = await db.GmppMemberships.AsNoTracking().Where(m => m.UnitId == unit.Id)
            .Select(m => new GmppMembershipView(m.GmppId, m.Category, null, m.Department, m.Joined, m.Left, m.Version)).FirstOrDefaultAsync(ct);
        var snapshots = await db.GmppSnapshots.AsNoTracking().Where(s => s.UnitId == unit.Id).OrderBy(s => s.AsAt).ToListAsync(ct);
        return new GmppUnitView(new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind),
            membership is null ? null : membership with { CategoryLabel = membership.Category is { } c ? GmppValues.CategoryLabel(c) : null },
            [.. snapshots.Select(View)]);
    }

    // The dates the department has published data for, at or below a unit, latest first.
    public async Task<IReadOnlyList<DateOnly>> PublishedDatesAsync(UnitView unit, CancellationToken ct = default) =>
        await db.GmppSnapshots.AsNoTracking().Where(s => s.Unit!.Path.StartsWith(unit.Path)).Select(s => s.AsAt).Distinct().OrderByDescending(d => d).ToListAsync(ct);

    // Null when the unit is not on the GMPP.
    public async Task<GmppNarrativesView?> NarrativesAsync(Guid unitId, CancellationToken ct = default)
    {
        var m = await db.GmppMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.UnitId == unitId, ct);
        if (m is null)
        {
            return null;
        }

        if (m.DcaCommentary is not null || m.ScheduleNarrative is not null || m.VarianceNarrative is not null || m.WholeLifeCostNarrative is not null || m.BenefitsNarrative is not null)
        {
            return new GmppNarrativesView(m.DcaCommentary, m.ScheduleNarrative, m.VarianceNarrative, m.WholeLifeCostNarrative, m.BenefitsNarrative, null, GmppExemptions.Read(m.Withheld), m.Version);
        }

        var latest = await db.GmppSnapshots.AsNoTracking().Where(s => s.UnitId == unitId).OrderByDescending(s => s.AsAt).FirstOrDefaultAsync(ct);
        return new GmppNarrativesView(latest?.DcaCommentary, latest?.ScheduleNarrative, latest?.VarianceNarrative, latest?.WholeLifeCostNarrative, latest?.BenefitsNarrative,
            latest?.AsAt, GmppExemptions.Read(m.Withheld), m.Version);
    }

    private static GmppSnapshotView View(GmppSnapshot s) => new(
        s.AsAt, s.Source, s.PublishedName, s.PublishedDepartment, s.PublishedCategory, s.FinancialYear, s.DcaScale, s.IpaDca, s.SroDca, s.Start, s.End,
        s.YearBaseline, s.YearForecast, s.YearVariancePercent, s.WholeLifeCost, s.WholeLifeCostLow, s.WholeLifeCostHigh, s.Benefits,
        s.Description, s.DcaCommentary, s.ScheduleNarrative, s.VarianceNarrative, s.WholeLifeCostNarrative, s.BenefitsNarrative, GmppFieldNotes.Read(s.FieldNotes));
}

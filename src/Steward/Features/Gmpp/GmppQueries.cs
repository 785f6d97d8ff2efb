using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Features.Reporting;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Gmpp;

// A unit's GMPP entry and its data by snapshot date, oldest first, for its page, the API and the command line.
public sealed class GmppQueries(StewardDbContext db, RegisterUnits units, DeliveryConfidenceAsAt confidence, FinanceAsAt finance, TimeProvider clock)
{
    public async Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct = default) =>
        await units.ReadableViewAsync(PmoArea.Reporting, unitKey, "GMPP data", ct);

    public async Task<GmppUnitView> UnitAsync(UnitView unit, CancellationToken ct = default)
    {
        var membership = await db.GmppMemberships.AsNoTracking().Where(m => m.UnitId == unit.Id)
            .Select(m => new GmppMembershipView(m.GmppId, m.Category, null, m.Department, m.Joined, m.Left, m.Version)).FirstOrDefaultAsync(ct);
        var snapshots = await db.GmppSnapshots.AsNoTracking().Where(s => s.UnitId == unit.Id).OrderBy(s => s.AsAt).ToListAsync(ct);
        var published = snapshots.Select(View).ToList();
        var own = membership is null ? [] : await OwnAsync(unit, membership, published.LastOrDefault()?.AsAt, ct);
        return new GmppUnitView(new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind),
            membership is null ? null : membership with { CategoryLabel = membership.Category is { } c ? GmppValues.CategoryLabel(c) : null },
            [.. published, .. own]);
    }

    // Steward's own figures at the snapshot dates since the last published one (the last four at most, up
    // to today, none before it joined): the IPA's and the SRO's DCA as at each date, the whole-life budget
    // and the approved end date as they stand; a date with none of these is left out.
    private async Task<List<GmppSnapshotView>> OwnAsync(UnitView unit, GmppMembershipView membership, DateOnly? lastPublished, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dates = new List<DateOnly>();
        for (var d = new DateOnly(today.Year, 9, 30); dates.Count < 4; d = d.Month == 9 ? new DateOnly(d.Year, 3, 31) : new DateOnly(d.Year - 1, 9, 30))
        {
            if (d <= lastPublished || d < membership.Joined || d.Year < today.Year - 3)
            {
                break;
            }

            if (d <= today)
            {
                dates.Add(d);
            }
        }

        var own = new List<GmppSnapshotView>();
        foreach (var date in dates.Order())
        {
            var dca = (await confidence.ForAsync([unit.Id], date, ct))[unit.Id];
            var money = await finance.ForAsync([unit.Id], FinancialYear.Of(date), date, ct);
            decimal? wholeLife = money.TryGetValue(unit.Id, out var position) ? position.WholeLife.Budget.Pence / 100_000_000m : null;
            if (dca.Ipa is null && dca.Sro is null && wholeLife is null)
            {
                continue;
            }

            own.Add(new GmppSnapshotView(date, GmppSource.Steward, unit.Name, membership.Department, membership.CategoryLabel, null, GmppSnapshotDates.ScaleAt(date),
                dca.Ipa, dca.Sro, unit.BaselineStart, unit.BaselineEnd, money.TryGetValue(unit.Id, out var y) ? y.Year.Budget.Pence / 100_000_000m : null,
                money.TryGetValue(unit.Id, out var f) ? f.Year.Forecast.Pence / 100_000_000m : null, null, wholeLife, null, null, null, null, null, null, null, null, null, []));
        }

        return own;
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

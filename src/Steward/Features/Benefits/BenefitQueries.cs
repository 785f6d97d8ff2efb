using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// Reads of the benefits register. Like every register, a unit's holds its own benefits and those of the
// units below it.
public sealed class BenefitQueries(
    StewardDbContext db, RegisterUnits units, BenefitOwners owners, Tolerances.ToleranceQueries tolerances, BenefitRelatedItems relatedItems, History.ChangeContext who, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // A benefit's page and answer show its latest measurements; older ones stay in the database.
    public const int MaxMeasurementsShown = 500;

    public Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct) =>
        units.ReadableViewAsync(PmoArea.Benefits, unitKey, BenefitService.Register, ct);

    // status: only benefits in this status; the register's order is by reference.
    public async Task<CursorPage<BenefitSummary>> ListAsync(UnitView unit, BenefitStatus? status, RegisterPage page, CancellationToken ct = default)
    {
        if (page.Limit is < 1 or > RegisterPage.MaxLimit)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("limit", $"limit must be from 1 to {RegisterPage.MaxLimit}")]);
        }

        var below = db.IdsUnder(unit.Path);
        var benefits = db.Benefits.AsNoTracking().Where(b => below.Contains(b.UnitId));
        if (status is { } only)
        {
            benefits = benefits.Where(b => b.Status == only);
        }

        var items = await SummariesAsync(benefits.OrderBy(b => b.Number).Skip(page.Offset).Take(page.Limit + 1), ct);
        return new CursorPage<BenefitSummary>(items.Take(page.Limit).ToList(), items.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // The benefits the signed-in person owns, wherever they are held and whatever roles the person has.
    public async Task<IReadOnlyList<BenefitSummary>> OwnedAsync(CancellationToken ct = default) =>
        await ActingPerson.IdAsync(db, who, ct) is { } person
            ? await SummariesAsync(db.Benefits.AsNoTracking().Where(b => b.OwnerId == person).OrderBy(b => b.Number).Take(RegisterPage.MaxLimit), ct)
            : [];

    private async Task<List<BenefitSummary>> SummariesAsync(IQueryable<Benefit> benefits, CancellationToken ct)
    {
        var rows = await benefits
            .Select(b => new
            {
                b.Number, b.Title, b.Category, b.IsDisbenefit, b.Status, b.BaselineValue, b.TargetValue, b.UnitOfMeasure, b.TargetDate, b.MonetisedValue,
                b.Frequency, b.BaselineDate, LastMeasured = db.BenefitMeasurements.Where(m => m.BenefitId == b.Id).Max(m => (DateOnly?)m.MeasuredOn),
                Unit = new UnitRef(b.Unit!.Id, b.Unit.Code, b.Unit.Name, b.Unit.Kind),
                Owner = b.Owner == null ? null : new PersonRef(b.Owner.Id, b.Owner.Name, b.Owner.Email),
            })
            .ToListAsync(ct);
        var today = Today;
        return rows.Select(r => new BenefitSummary(
            EntryReference.Format(Benefit.ReferencePrefix, r.Number), r.Unit, r.Title, r.Owner, EnumText.Of(r.Category), r.IsDisbenefit, EnumText.Of(r.Status),
            r.BaselineValue, r.TargetValue, r.UnitOfMeasure, r.TargetDate, r.MonetisedValue is { } m ? new Money(m) : null,
            MeasurementDue.Next(r.Status, r.Frequency, r.LastMeasured, r.BaselineDate) < today)).ToList();
    }

    // A benefit the actor may read by role, or owns (an owner may hold no role at all).
    public async Task<BenefitView> ReadableOrOwnedAsync(string unitKey, string reference, CancellationToken ct = default)
    {
        try
        {
            return await BenefitAsync(await RequireReadableUnitAsync(unitKey, ct), reference, ct);
        }
        catch (Exception refused) when (refused is RecordNotFoundException or AccessDeniedException)
        {
            if (await ActingPerson.IdAsync(db, who, ct) is { } person && await owners.OwnedUnitAsync(unitKey, reference, person, ct) is { } unit)
            {
                return await BenefitAsync(unit.Id, reference, ct);
            }

            throw;
        }
    }

    // Every benefit at or below the unit, for a spreadsheet, with its latest measurement.
    public async Task<List<BenefitExportRow>> ExportRowsAsync(UnitView unit, BenefitStatus? status, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var benefits = db.Benefits.AsNoTracking().Where(b => below.Contains(b.UnitId));
        if (status is { } only)
        {
            benefits = benefits.Where(b => b.Status == only);
        }

        var rows = await benefits.OrderBy(b => b.Number)
            .Select(b => new
            {
                Benefit = b,
                Unit = b.Unit!.Code,
                Owner = b.Owner == null ? null : b.Owner.Name,
                OwningUnit = b.OwningUnit == null ? null : b.OwningUnit.Code,
                Last = db.BenefitMeasurements.Where(m => m.BenefitId == b.Id).OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.CreatedAt)
                    .Select(m => new { m.MeasuredOn, m.Value }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var x = r.Benefit;
            return new BenefitExportRow(x.Reference, r.Unit, x.Title, r.Owner, r.OwningUnit, EnumText.Of(x.Category), EnumText.Of(x.Nature), EnumText.Of(x.Class),
                x.IsDisbenefit, x.Kpi, x.UnitOfMeasure, EnumText.Of(x.Direction), x.Frequency is { } f ? EnumText.Of(f) : null, x.BaselineValue, x.BaselineDate,
                x.TargetValue, x.TargetDate, x.MonetisedValue is { } m ? new Money(m).Pounds : null, x.Confidence is { } c ? EnumText.Of(c) : null,
                EnumText.Of(x.Status), r.Last?.MeasuredOn, r.Last?.Value);
        }).ToList();
    }

    // A benefit by its reference, in the register of the unit that holds it.
    public Task<BenefitView> BenefitAsync(UnitView unit, string reference, CancellationToken ct = default) => BenefitAsync(unit.Id, reference, ct);

    private async Task<BenefitView> BenefitAsync(Guid unitId, string reference, CancellationToken ct)
    {
        var number = EntryReference.Parse(Benefit.ReferencePrefix, reference) ?? throw new RecordNotFoundException("benefit", reference);
        var row = await db.Benefits.AsNoTracking().Where(b => b.Number == number && b.UnitId == unitId)
            .Select(b => new
            {
                Benefit = b,
                Unit = new UnitRef(b.Unit!.Id, b.Unit.Code, b.Unit.Name, b.Unit.Kind),
                UnitPath = b.Unit.Path,
                OwningUnit = b.OwningUnit == null ? null : new UnitRef(b.OwningUnit.Id, b.OwningUnit.Code, b.OwningUnit.Name, b.OwningUnit.Kind),
                Owner = b.Owner == null ? null : new PersonRef(b.Owner.Id, b.Owner.Name, b.Owner.Email),
            })
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("benefit", reference);
        var x = row.Benefit;
        var profile = await db.Set<BenefitProfilePoint>().AsNoTracking().Where(p => p.BenefitId == x.Id).OrderBy(p => p.On).ToListAsync(ct);
        var related = await relatedItems.ViewsAsync(await db.Set<BenefitRelatedItem>().AsNoTracking().Where(r => r.BenefitId == x.Id).ToListAsync(ct), ct);
        var measured = await db.BenefitMeasurements.AsNoTracking().Where(m => m.BenefitId == x.Id)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.CreatedAt).Take(MaxMeasurementsShown).ToListAsync(ct);
        var track = profile.Select(p => new RealisationTrack.Point(p.On, p.Value)).ToList();
        var baseline = x.BaselineValue is { } bv && x.BaselineDate is { } bd ? new RealisationTrack.Point(bd, bv) : null;
        var measurements = measured.Select(m =>
        {
            var planned = RealisationTrack.PlannedOn(m.MeasuredOn, track, baseline);
            return new MeasurementView(m.Id, m.MeasuredOn, m.Value, m.Evidence, m.RecordedBy, m.CreatedAt, planned, m.Value - planned,
                planned is { } p && RealisationTrack.Behind(m.Value, p, x.Direction));
        }).ToList();
        // The latest measurement against the plan, judged by the benefits tolerance of the unit that holds it.
        var latest = RealisationValue.LatestOf(new RealisationValue.Facts(x.BaselineValue, x.BaselineDate, x.TargetValue, x.TargetDate, x.MonetisedValue, x.IsDisbenefit, profile),
            measured.Select(m => new RealisationValue.Measured(m.MeasuredOn, m.Value)).ToList());
        var judged = latest?.DeviationPercent is { } deviation ? await tolerances.EvaluateAsync(row.UnitPath, Tolerances.ToleranceDimension.Benefits, deviation, ct) : null;
        var due = MeasurementDue.Next(x.Status, x.Frequency, measured.Count > 0 ? measured.Max(m => m.MeasuredOn) : null, x.BaselineDate);
        return new BenefitView(x.Id, x.Reference, row.Unit, x.Title, x.Description, row.OwningUnit, row.Owner,
            EnumText.Of(x.Category), EnumText.Of(x.Nature), EnumText.Of(x.Class), x.IsDisbenefit,
            x.Kpi, x.UnitOfMeasure, EnumText.Of(x.Direction), x.MeasuredBy, x.Frequency is { } f ? EnumText.Of(f) : null,
            x.BaselineValue, x.BaselineDate, x.TargetValue, x.TargetDate, x.MonetisedValue is { } m ? new Money(m) : null,
            x.Confidence is { } c ? EnumText.Of(c) : null, EnumText.Of(x.Status), x.Version, x.CreatedAt, x.UpdatedAt)
        {
            Profile = profile.Select(p => new ProfilePointView(p.On, p.Value, p.Money is { } pm ? new Money(pm) : null)).ToList(),
            Measurements = measurements,
            MeasurementDueOn = due,
            MeasurementOverdue = due < Today,
            DeviationPercent = latest?.DeviationPercent,
            Tolerance = judged,
            HandedOverOn = x.HandedOverOn,
            Related = related,
        };
    }
}

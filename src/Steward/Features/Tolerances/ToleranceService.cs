using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Tolerances;

// Sets a unit's own tolerances. Each dimension is set by those who approve in its area (time, cost,
// scope, quality and benefits are change control; risk, issues and dependencies are RAID). Everything
// placed by tolerance below the unit (escalated risks, say) is placed again in the same transaction.
public sealed class ToleranceService(StewardDbContext db, UnitQueries units, AccessPolicy access, IEnumerable<IToleranceFollower> followers)
{
    // Dimensions not named are left as they are; a side given as null inherits from above.
    public async Task<UnitTolerances> SetAsync(
        string unitKey, int? expectedVersion, IReadOnlyDictionary<ToleranceDimension, (decimal? Over, decimal? Under)> changes, CancellationToken ct = default)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        foreach (var area in changes.Keys.Select(d => ToleranceMeasure.Of(d).Area).Distinct())
        {
            var named = string.Join(", ", changes.Keys.Where(d => ToleranceMeasure.Of(d).Area == area).Select(d => ToleranceMeasure.Of(d).Label.ToLowerInvariant()));
            await access.DemandAsync(area, PmoAction.Approve, unit.Path, $"set the {named} tolerances of {unit.Code}", ct);
        }

        Validate(changes);
        UnitChangeRule.Demand(unit.Code, unit.Status, RecordChange.Commitment, "tolerances");

        var tolerances = await db.Tolerances.FirstOrDefaultAsync(t => t.UnitId == unit.Id, ct);
        if (tolerances is not null && expectedVersion is { } version && tolerances.Version != version)
        {
            throw new StaleVersionException($"the tolerances of {unit.Code}", version, tolerances.Version);
        }

        var created = tolerances is null;
        if (tolerances is null)
        {
            tolerances = new UnitTolerances { Id = Guid.CreateVersion7(), UnitId = unit.Id };
            db.Tolerances.Add(tolerances);
        }

        var changed = new HashSet<ToleranceDimension>();
        foreach (var (dimension, (over, under)) in changes)
        {
            if (tolerances.Of(dimension) != (over, ToleranceMeasure.Of(dimension).HasUnder ? under : null))
            {
                changed.Add(dimension);
            }

            tolerances.Set(dimension, over, under);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException($"the tolerances of {unit.Code}", tolerances.Version - 1, tolerances.Version);
        }
        catch (DbUpdateException) when (created)
        {
            // Someone else set this unit's first tolerances at the same moment (the unique index on the unit).
            throw new StaleVersionException($"the tolerances of {unit.Code}", 0, 1);
        }

        if (changed.Count > 0)
        {
            foreach (var follower in followers)
            {
                await follower.TolerancesChangedAsync(unit.Path, changed, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return tolerances;
    }

    private static void Validate(IReadOnlyDictionary<ToleranceDimension, (decimal? Over, decimal? Under)> changes)
    {
        var failures = new List<ValidationFailure>();
        foreach (var (dimension, (over, under)) in changes)
        {
            var measure = ToleranceMeasure.Of(dimension);
            var field = EnumText.Of(dimension);
            Check(measure, $"{field}.over", "above plan", over, failures);
            if (under is not null && !measure.HasUnder)
            {
                failures.Add(new ValidationFailure($"{field}.under", $"{measure.Label} has no tolerance below plan: leave it blank"));
            }
            else
            {
                Check(measure, $"{field}.under", "below plan", under, failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private static void Check(ToleranceMeasure measure, string field, string side, decimal? value, List<ValidationFailure> failures)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v < 0 || v > measure.Maximum)
        {
            failures.Add(new ValidationFailure(field, $"{measure.Label} tolerance {side} must be from 0 to {measure.Maximum} ({measure.Quantity}), not {v}"));
        }
        else if (measure.Whole && v != decimal.Truncate(v))
        {
            failures.Add(new ValidationFailure(field, $"{measure.Label} tolerance {side} must be a whole number ({measure.Quantity}), not {v}"));
        }
        else if (v != decimal.Round(v, 2))
        {
            failures.Add(new ValidationFailure(field, $"{measure.Label} tolerance {side} can have at most two decimal places, not {v}"));
        }
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What reads of the four RAID registers share. A unit's register rolls up everything below it: roles
// apply downwards, so whoever may read the unit's log may read every item under it.
public abstract class RaidRegisterReads(RegisterUnits registerUnits, TimeProvider clock)
{
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // The unit's place from the cache, not the whole unit: a register needs no more, and this is the
    // API's busiest read.
    public Task<IUnitLocation> RequireReadableUnitAsync(string unitKey, CancellationToken ct) =>
        registerUnits.ReadableAsync(PmoArea.Raid, unitKey, "RAID log", ct);

    protected static void CheckLimit(RegisterPage page)
    {
        if (page.Limit is < 1 or > RegisterPage.MaxLimit)
        {
            throw new ValidationException([new ValidationFailure("limit", $"Limit must be between 1 and {RegisterPage.MaxLimit}")]);
        }
    }
}

// The RAID log as a whole: the unit's RAID tolerances, as the register's own pages show them.
public sealed class RaidQueries(StewardDbContext db, RegisterUnits registerUnits, RaidEscalation escalation, TimeProvider clock) : RaidRegisterReads(registerUnits, clock)
{
    public async Task<ToleranceView> TolerancesAsync(IUnitLocation unit, CancellationToken ct = default)
    {
        var own = await db.Tolerances.AsNoTracking().FirstOrDefaultAsync(t => t.UnitId == unit.Id, ct);
        var ladder = await escalation.LadderAsync(unit.Path, ct);
        return new ToleranceView(
            RaidTolerance.EscalateAtScore(own?.RiskOver), RaidTolerance.EscalateAtPriority(own?.IssuesOver), RaidTolerance.LateDays(own?.DependenciesOver),
            own?.Version, EffectiveTolerance.Of(ladder));
    }
}

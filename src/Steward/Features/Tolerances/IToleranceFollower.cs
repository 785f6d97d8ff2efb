namespace Steward.Features.Tolerances;

// Something placed by tolerances (a register's escalations) that must be placed again when a unit's
// tolerances change. Called inside the change's transaction, so a failure undoes the change.
public interface IToleranceFollower
{
    Task TolerancesChangedAsync(string unitPath, IReadOnlySet<ToleranceDimension> changed, CancellationToken ct);
}

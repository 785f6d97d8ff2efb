namespace Steward.Features.Units;

// Something kept per unit path outside the units table (a register's roll-up keys, say) that must follow
// a unit and everything below it to a new place in the tree. Called inside the move's transaction,
// after every path under the moved unit has changed, so a failure undoes the move.
public interface ISubtreeMoveFollower
{
    Task FollowAsync(string movedPath, CancellationToken ct);
}

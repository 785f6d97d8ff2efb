using Steward.Features.Units;

namespace Steward.Infrastructure.Registers;

// The unit a register change is made on: where it is, and the status the change rule reads.
public sealed record RegisterUnit(Guid Id, string Code, string Path, UnitStatus Status) : IUnitLocation
{
    public bool IsOpen => Status is UnitStatus.Active or UnitStatus.Paused;
}

namespace Steward.Features.Units;

public enum UnitStatus
{
    Active,
    Paused,
    Closed,
    Archived,
}

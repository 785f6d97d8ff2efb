namespace Steward.Features.Units;

// The unit's new parent; null makes a portfolio top-level.
public sealed record MoveUnit(Guid? ParentId);

namespace Steward.Features.Units;

// Where a unit sits and what it is called: all a register query needs to roll up what lies below it.
// A UnitView is one; so is the cached UnitLocation, which answers without a query.
public interface IUnitLocation
{
    Guid Id { get; }

    string Code { get; }

    string Path { get; }
}

// Id, code and path never change without clearing the caches that hold them (see UnitService).
public sealed record UnitLocation(Guid Id, string Code, string Path) : IUnitLocation;

namespace Steward.Features.Units;

// Which kind of unit may sit under which: the shape of the P3O tree.
public static class UnitHierarchyRules
{
    public static bool MayBeTopLevel(UnitKind kind) => kind == UnitKind.Portfolio;

    public static bool MayHold(UnitKind parent, UnitKind child) => (parent, child) switch
    {
        (UnitKind.Portfolio, _) => true,
        (UnitKind.Programme, UnitKind.Programme or UnitKind.Project) => true,
        _ => false,
    };

    public static string? WhyNotUnder(UnitKind child, UnitKind? parent) => parent switch
    {
        null when MayBeTopLevel(child) => null,
        null => $"Choose the portfolio or programme this {Noun(child)} belongs to",
        { } p when MayHold(p, child) => null,
        UnitKind.Project => $"A project cannot hold other units; choose a portfolio or programme",
        { } p => $"A {Noun(p)} cannot hold a {Noun(child)}; choose a portfolio",
    };

    public static string Noun(UnitKind kind) => kind.ToString().ToLowerInvariant();
}

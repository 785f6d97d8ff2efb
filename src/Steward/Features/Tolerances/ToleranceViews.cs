using Steward.Features.Units;

namespace Steward.Features.Tolerances;

// One dimension of a unit's tolerances as the page and the API show it: the unit's own limits (empty
// where it inherits) and the limits that apply, with the unit that set each.
public sealed record ToleranceBandView(
    ToleranceDimension Dimension,
    string Label,
    string Quantity,
    decimal? Over,
    decimal? Under,
    decimal? EffectiveOver,
    UnitRef? OverSetAt,
    decimal? EffectiveUnder,
    UnitRef? UnderSetAt,
    bool HasUnder);

public sealed record UnitTolerancesView(UnitRef Unit, int? Version, IReadOnlyList<ToleranceBandView> Dimensions)
{
    public ToleranceBandView this[ToleranceDimension dimension] => Dimensions[(int)dimension];
}

// The evaluator's answer for a measured or forecast deviation: whether it breaches the unit's tolerance,
// by how much, which level owns the limit, and where an item with it would be held.
public sealed record ToleranceEvaluation(
    UnitRef Unit,
    ToleranceDimension Dimension,
    decimal Value,
    ToleranceSide Side,
    bool Breached,
    decimal? Limit,
    decimal? By,
    UnitRef? LimitSetAt,
    UnitRef? HeldAt,
    IReadOnlyList<ToleranceStep> Steps);

// One level an item passed (or stopped at) on its way up: the limit there, set where, and by how much it was beyond.
public sealed record ToleranceStep(UnitRef Level, decimal? Limit, UnitRef? LimitSetAt, bool Breached, decimal? By);

using Steward.Features.Tolerances;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// Budget, forecast outturn and actuals side by side, with the variance of the forecast from the budget.
// Forecast outturn: actuals for the months before this one, the forecast for this month and after.
public sealed record FinancePosition(Money Budget, Money Forecast, Money Actuals)
{
    public Money Variance => Forecast - Budget;

    public decimal? VariancePercent => Variance.PercentOf(Budget);

    public static FinancePosition Zero { get; } = new(Money.Zero, Money.Zero, Money.Zero);

    public static FinancePosition operator +(FinancePosition a, FinancePosition b) => new(a.Budget + b.Budget, a.Forecast + b.Forecast, a.Actuals + b.Actuals);
}

// Whether a variance breaches the unit's cost tolerance, where the limit is set and where it is held.
public sealed record CostToleranceCheck(string Measure, decimal? VariancePercent, ToleranceEvaluation? Evaluation)
{
    public bool Breached => Evaluation?.Breached == true;
}

public sealed record PhasingCell(SpendingCategory Category, FinancePosition Position);

public sealed record PhasingYear(string Year, IReadOnlyList<PhasingCell> Categories, FinancePosition Total);

// One month of the cumulative (S-curve) chart. Actuals stop at the last month that has ended.
public sealed record CurvePoint(string Year, int Period, string Month, Money Budget, Money Forecast, Money? Actuals);

// BeyondTolerance: the year's variance or the whole-life growth breaches the unit's cost tolerance.
public sealed record UnitFinanceRow(UnitRef Unit, FinancePosition Year, FinancePosition WholeLife, bool BeyondTolerance = false);

public sealed record FinanceLineView(
    string Layer, int Baseline, string Category, string CostType, string Year, IReadOnlyList<Money> Months, Money Total, string? Reason);

// TotalsOnlyForViewers: the unit's own setting (units below it follow it too); TotalsOnly: this reader is
// shown totals only because of it.
public sealed record FinanceView(
    UnitRef Unit,
    int? Version,
    int Baseline,
    string Year,
    string? Category,
    string ThisMonth,
    FinancePosition? Month,
    FinancePosition YearPosition,
    FinancePosition WholeLife,
    CostToleranceCheck InYear,
    CostToleranceCheck WholeLifeGrowth,
    IReadOnlyList<PhasingYear> Phasing,
    IReadOnlyList<CurvePoint> Curve,
    IReadOnlyList<UnitFinanceRow> Below,
    IReadOnlyList<FinanceLineView> Lines,
    bool TotalsOnlyForViewers = false,
    bool TotalsOnly = false)
{
    // What a reader who may see only totals is given: no month, category, curve or line.
    public FinanceView Totals() => this with
    {
        Month = null, Phasing = Phasing.Select(y => y with { Categories = [] }).ToList(), Curve = [], Lines = [], TotalsOnly = true,
    };
}

public sealed record FinanceBaselineView(int Number, bool Current, string Reason, string Decision, DateOnly ApprovedOn, string? ApprovedBy, Money WholeLife);

public sealed record FinanceChangeView(string Layer, int Baseline, string Reason, int Lines, Money Before, Money After, string? By, DateTime At);

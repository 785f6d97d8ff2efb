namespace Steward.Features.Finance;

// The three layers of a unit's money: what was approved, what is expected, what was spent.
public enum FinanceLayer
{
    // The approved baseline, versioned: a re-baseline starts a new one and keeps the old.
    Budget,

    // The latest expectation, re-profiled by the people who own it.
    Forecast,

    // Spent, by month; never in a month that has not started.
    Actual,
}

// HM Treasury's spending categories, and the costs GMPP counts that government does not pay.
public enum SpendingCategory
{
    RdelAdministration,
    RdelProgramme,
    Cdel,
    NonGovernment,
    Ame,
}

// An optional split of a category; Unspecified where a unit does not split its money this way.
public enum CostType
{
    Unspecified,
    Staff,
    Contractors,
    Suppliers,
    CapitalWorks,
    Other,
}

public static class FinanceLabels
{
    public static string Of(FinanceLayer layer) => layer switch
    {
        FinanceLayer.Budget => "Budget",
        FinanceLayer.Forecast => "Forecast",
        _ => "Actuals",
    };

    public static string Of(SpendingCategory category) => category switch
    {
        SpendingCategory.RdelAdministration => "RDEL administration",
        SpendingCategory.RdelProgramme => "RDEL programme",
        SpendingCategory.Cdel => "CDEL",
        SpendingCategory.NonGovernment => "Non-government",
        _ => "AME",
    };

    public static string Of(CostType type) => type switch
    {
        CostType.Unspecified => "Not split",
        CostType.CapitalWorks => "Capital works",
        _ => type.ToString(),
    };
}

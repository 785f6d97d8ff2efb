using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Benefits;

// The benefits register as a spreadsheet: one row a benefit, every field, and its latest measurement.
public sealed record BenefitExportRow(
    string Reference, string Unit, string Title, string? Owner, string? OwningUnit, string Category, string Nature, string Class, bool IsDisbenefit,
    string? Kpi, string? UnitOfMeasure, string Direction, string? Frequency, decimal? BaselineValue, DateOnly? BaselineDate,
    decimal? TargetValue, DateOnly? TargetDate, decimal? MonetisedValue, string? Confidence, string Status, DateOnly? LastMeasuredOn, decimal? LastValue);

public static class BenefitsSpreadsheet
{
    public static readonly IReadOnlyList<SpreadsheetColumn<BenefitExportRow>> Columns =
    [
        new("Reference", r => r.Reference),
        new("Unit", r => r.Unit),
        new("Benefit", r => r.Title),
        new("Dis-benefit", r => r.IsDisbenefit ? "yes" : "no"),
        new("Benefit owner", r => r.Owner),
        new("Owning unit", r => r.OwningUnit),
        new("Category", r => r.Category),
        new("Quantitative or qualitative", r => r.Nature),
        new("Who gains", r => r.Class),
        new("Measure (KPI)", r => r.Kpi),
        new("Unit of measure", r => r.UnitOfMeasure),
        new("Which way is better", r => r.Direction),
        new("Frequency", r => r.Frequency),
        new("Baseline value", r => r.BaselineValue),
        new("Baseline date", r => r.BaselineDate),
        new("Target value", r => r.TargetValue),
        new("Target date", r => r.TargetDate),
        new("Monetised value a year (£)", r => r.MonetisedValue),
        new("Confidence", r => r.Confidence),
        new("Status", r => r.Status),
        new("Last measured on", r => r.LastMeasuredOn),
        new("Last value", r => r.LastValue),
    ];
}

// The roll-up as a spreadsheet: a row per financial year and category of monetised benefits.
public sealed record BenefitWorthRow(string Year, string Category, decimal Planned, decimal Realised, decimal Variance);

public static class BenefitWorthSpreadsheet
{
    public static readonly IReadOnlyList<SpreadsheetColumn<BenefitWorthRow>> Columns =
    [
        new("Financial year", r => r.Year),
        new("Category", r => r.Category),
        new("Planned a year by the year's end (£)", r => r.Planned),
        new("Realised a year by the year's end (£)", r => r.Realised),
        new("Realised less planned (£)", r => r.Variance),
    ];

    public static List<BenefitWorthRow> Rows(BenefitRollupView rollup) =>
        [.. rollup.Years.SelectMany(y => y.ByCategory.Select(c => new BenefitWorthRow(y.Year, c.Category, c.Planned.Pounds, c.Realised.Pounds, c.Realised.Pounds - c.Planned.Pounds)))];
}

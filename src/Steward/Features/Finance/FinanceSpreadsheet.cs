using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Finance;

// Finance lines as a spreadsheet: one row per unit, layer, category, cost type and year, the months in
// pounds (exact to the penny) so a finance team can add them up as they are.
public static class FinanceSpreadsheet
{
    public static readonly IReadOnlyList<SpreadsheetColumn<FinanceExportRow>> Columns =
    [
        new("Unit", r => r.UnitCode),
        new("Unit name", r => r.UnitName),
        new("Layer", r => r.Line.Layer),
        new("Baseline", r => r.Line.Baseline == 0 ? null : r.Line.Baseline),
        new("Category", r => r.Line.Category),
        new("Cost type", r => r.Line.CostType),
        new("Financial year", r => r.Line.Year),
        .. Enumerable.Range(1, FinancialYear.Periods).Select(p => new SpreadsheetColumn<FinanceExportRow>($"P{p}", r => r.Line.Months[p - 1].Pounds)),
        new("Total", r => r.Line.Total.Pounds),
        new("Reason for the last change", r => r.Line.Reason),
    ];
}

using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Finance;

// One financial year of a unit's own forecast, actuals or budget as a grid: a row per spending category
// (and cost type where the unit splits by it), a column per month. Re-profiling the forecast keeps the
// year's total unless the person says it changes; the budget changes only by a re-baseline that names
// its approving decision. Each save says why, and the history keeps it.
[Requires(PmoArea.Finance, PmoAction.Read)]
[PostRequires(null, PmoArea.Finance, PmoAction.Contribute)]
public sealed partial class EditModel(StewardDbContext db, UnitQueries units, FinanceQueries queries, FinanceService service, AccessPolicy access) : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public FinanceLayer Layer { get; private set; }
    public FinancialYear Year { get; private set; }
    public bool CanChange { get; private set; }

    [BindProperty] public GridForm Input { get; set; } = new();

    public sealed class GridForm
    {
        public List<RowForm> Rows { get; set; } = [];
        public string? Reason { get; set; }
        public bool ChangeTotal { get; set; }
        public string? Decision { get; set; }
        public int? Version { get; set; }
    }

    public sealed class RowForm
    {
        public string Category { get; set; } = string.Empty;
        public string CostType { get; set; } = string.Empty;
        public string?[] Months { get; set; } = new string?[FinancialYear.Periods];
    }

    public string LayerName => Layer switch
    {
        FinanceLayer.Forecast => "forecast",
        FinanceLayer.Actual => "actuals",
        _ => "budget",
    };

    public async Task<IActionResult> OnGetAsync(string code, string layer, string year, CancellationToken ct)
    {
        if (!await LoadAsync(code, layer, year, ct))
        {
            return NotFound();
        }

        await FillAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string layer, string year, CancellationToken ct)
    {
        if (!await LoadAsync(code, layer, year, ct))
        {
            return NotFound();
        }

        if (Layer == FinanceLayer.Budget && !await access.CanAsync(PmoArea.Finance, PmoAction.Approve, Unit.Path, ct))
        {
            return Forbid();
        }

        return await SubmitAsync(
            () => Task.FromResult<IReadOnlyList<ValidationFailure>>([]),
            async () =>
            {
                var (lines, rowOf) = LinesFromForm();
                RowOfLine = rowOf;
                var expected = Input.Version;
                if (Layer == FinanceLayer.Budget)
                {
                    await service.RebaselineAsync(Unit.Id.ToString(), expected, new BaselineInput(Input.Reason, Input.Decision, lines), ct);
                }
                else
                {
                    await service.ChangeAsync(Unit.Id.ToString(), Layer, expected, new FinanceChangeInput(Input.Reason, Input.ChangeTotal, lines), ct);
                }

                TempData["Notice"] = Layer switch
                {
                    FinanceLayer.Budget => $"A new budget baseline for {Unit.Name} has been approved",
                    FinanceLayer.Forecast => $"The {Year} forecast of {Unit.Name} has been saved",
                    _ => $"The {Year} actuals of {Unit.Name} have been saved",
                };
                return Redirect($"{FinanceLinks.Index(Unit.Code)}?year={Year}");
            },
            ct,
            async () =>
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, $"Someone else changed the money of {Unit.Name} while you were editing. The form now shows what is saved; make your change again and save.");
                await FillAsync(ct);
            });
    }

    // A cell left blank is nothing spent or forecast that month. A row with nothing in it that the unit
    // does not have already is left out, so an untouched category does not become a line of zeros.
    private (List<FinanceLineInput> Lines, List<int> RowOf) LinesFromForm()
    {
        var lines = new List<FinanceLineInput>();
        var rowOf = new List<int>();
        for (var i = 0; i < Input.Rows.Count; i++)
        {
            var row = Input.Rows[i];
            var months = new Dictionary<string, AmountText>();
            for (var p = 1; p <= FinancialYear.Periods; p++)
            {
                var text = p - 1 < row.Months.Length ? row.Months[p - 1] : null;
                if (Layer == FinanceLayer.Actual && string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                months[$"P{p}"] = new AmountText(string.IsNullOrWhiteSpace(text) ? "0" : text);
            }

            var exists = Existing.Contains((row.Category, row.CostType));
            if (!exists && row.Months.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (months.Count > 0)
            {
                lines.Add(new FinanceLineInput(row.Category, row.CostType == EnumText.Of(CostType.Unspecified) ? null : row.CostType, Year.ToString(), months));
                rowOf.Add(i);
            }
        }

        return (lines, rowOf);
    }

    private List<int> RowOfLine { get; set; } = [];

    private HashSet<(string Category, string CostType)> Existing { get; set; } = [];

    protected override Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    // lines[2].months.P4 is the fourth month of the form row that line came from.
    protected override string FieldFor(string apiField)
    {
        var match = LineField().Match(apiField);
        if (match.Success)
        {
            var line = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = line < RowOfLine.Count ? RowOfLine[line] : line;
            var month = FinanceLineParser.Period(match.Groups[2].Value) is { } p ? p - 1 : 0;
            return $"Input.Rows[{row}].Months[{month}]";
        }

        return apiField switch
        {
            "reason" => "Input.Reason",
            "decision" => "Input.Decision",
            "changeTotal" => "Input.ChangeTotal",
            "" => string.Empty,
            _ => string.Empty,
        };
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.months\.(\w+)$")]
    private static partial Regex LineField();

    public string CellId(int row, int month) => GovUkIds.For($"Input.Rows[{row}].Months[{month}]");

    public string? CellError(int row, int month) =>
        ModelState.TryGetValue($"Input.Rows[{row}].Months[{month}]", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(string code, string layer, string year, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit || !FinancialYear.TryParse(year, out var fy))
        {
            return false;
        }

        FinanceLayer? which = layer switch { "forecast" => FinanceLayer.Forecast, "actuals" => FinanceLayer.Actual, "budget" => FinanceLayer.Budget, _ => null };
        if (which is null)
        {
            return false;
        }

        (Unit, Layer, Year) = (unit, which.Value, fy);
        var action = Layer == FinanceLayer.Budget ? PmoAction.Approve : PmoAction.Contribute;
        var allowed = Layer == FinanceLayer.Budget ? unit.IsOpen : unit.Status != UnitStatus.Archived;
        CanChange = allowed && await access.CanAsync(PmoArea.Finance, action, unit.Path, ct);
        var lines = await queries.OwnLinesAsync(unit.Id, null, ct);
        Existing = lines.Where(l => l.Layer == EnumText.Of(Layer) && l.Year == Year.ToString()).Select(l => (l.Category, l.CostType)).ToHashSet();
        return true;
    }

    // The grid as saved: the unit's lines of this layer and year, and an empty row for each category it has none in.
    private async Task FillAsync(CancellationToken ct)
    {
        var lines = (await queries.OwnLinesAsync(Unit.Id, null, ct)).Where(l => l.Layer == EnumText.Of(Layer) && l.Year == Year.ToString()).ToList();
        Existing = lines.Select(l => (l.Category, l.CostType)).ToHashSet();
        var rows = new List<RowForm>();
        foreach (var category in Enum.GetValues<SpendingCategory>())
        {
            var ofCategory = lines.Where(l => l.Category == EnumText.Of(category)).ToList();
            if (ofCategory.Count == 0)
            {
                rows.Add(new RowForm { Category = EnumText.Of(category), CostType = EnumText.Of(CostType.Unspecified) });
            }

            rows.AddRange(ofCategory.Select(l => new RowForm
            {
                Category = l.Category, CostType = l.CostType,
                Months = l.Months.Select(m => m.IsZero ? null : m.Pounds.ToString("0.##", CultureInfo.InvariantCulture)).ToArray(),
            }));
        }

        Input = new GridForm { Rows = rows, Version = await queries.VersionAsync(Unit.Id, ct) };
    }

    public static string RowLabel(RowForm row)
    {
        var category = Enum.GetValues<SpendingCategory>().FirstOrDefault(c => EnumText.Of(c) == row.Category);
        var type = Enum.GetValues<CostType>().FirstOrDefault(c => EnumText.Of(c) == row.CostType);
        return type == CostType.Unspecified ? FinanceLabels.Of(category) : $"{FinanceLabels.Of(category)} ({FinanceLabels.Of(type).ToLowerInvariant()})";
    }
}

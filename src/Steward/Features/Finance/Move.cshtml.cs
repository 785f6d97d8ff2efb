using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Finance;

// Re-phasing in the PMO's words: move this much of a category's forecast from one month to another, in
// the same financial year or another. The total is kept; the change is logged with its reason.
[Requires(PmoArea.Finance, PmoAction.Read)]
[PostRequires(null, PmoArea.Finance, PmoAction.Contribute)]
public sealed class MoveModel(StewardDbContext db, UnitQueries units, FinanceQueries queries, FinanceService service, AccessPolicy access) : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public bool CanChange { get; private set; }

    [BindProperty] public MoveForm Input { get; set; } = new();

    public sealed class MoveForm
    {
        public int? Version { get; set; }
        public string? Category { get; set; }
        public string? CostType { get; set; }
        public string? FromYear { get; set; }
        public string? FromPeriod { get; set; }
        public string? ToYear { get; set; }
        public string? ToPeriod { get; set; }
        public string? Amount { get; set; }
        public string? Reason { get; set; }
    }

    public static IReadOnlyList<SelectListItem> Categories { get; } =
        Enum.GetValues<SpendingCategory>().Select(c => new SelectListItem(FinanceLabels.Of(c), EnumText.Of(c))).ToList();

    public static IReadOnlyList<SelectListItem> CostTypes { get; } =
        Enum.GetValues<CostType>().Select(c => new SelectListItem(c == CostType.Unspecified ? "Not split by cost type" : FinanceLabels.Of(c), c == CostType.Unspecified ? string.Empty : EnumText.Of(c))).ToList();

    public static IReadOnlyList<SelectListItem> Periods { get; } =
        Enumerable.Range(1, FinancialYear.Periods).Select(p => new SelectListItem($"P{p} {new FinancialYear(2000).FirstDayOf(p):MMMM}", $"P{p}")).ToList();

    public async Task<IActionResult> OnGetAsync(string code, string? year, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var from = FinancialYear.TryParse(year, out var chosen) ? chosen : FinancialYear.Of(queries.Today);
        Input = new MoveForm
        {
            Version = await queries.VersionAsync(Unit.Id, ct), Category = EnumText.Of(SpendingCategory.Cdel), FromYear = from.ToString(), ToYear = from.Next.ToString(),
            FromPeriod = $"P{FinancialYear.PeriodOf(queries.Today)}", ToPeriod = "P1",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        return await SubmitAsync(
            () => Task.FromResult<IReadOnlyList<ValidationFailure>>([]),
            async () =>
            {
                await service.MoveForecastAsync(Unit.Id.ToString(), Input.Version, new ForecastMoveInput(
                    Input.Category, Input.CostType, Input.FromYear, Input.FromPeriod, Input.ToYear, Input.ToPeriod,
                    Input.Amount is null ? null : new AmountText(Input.Amount), Input.Reason), ct);
                TempData["Notice"] = $"{Input.Amount} of forecast has moved from {Input.FromPeriod} {Input.FromYear} to {Input.ToPeriod} {Input.ToYear}";
                return Redirect($"{FinanceLinks.Index(Unit.Code)}?year={Uri.EscapeDataString(Input.ToYear ?? string.Empty)}");
            },
            ct,
            async () =>
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, $"Someone else changed the money of {Unit.Name} while you were filling this in. Check the amounts on the finance page, then move the money again.");
                Input.Version = await queries.VersionAsync(Unit.Id, ct);
            });
    }

    protected override Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        CanChange = unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Finance, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}

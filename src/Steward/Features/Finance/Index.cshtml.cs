using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// A unit's money with everything below it: this month, the year, whole life, the cost tolerance, the
// units below, the phasing by year and category and the cumulative curve, with the same numbers as tables.
[Requires(PmoArea.Finance, PmoAction.Read)]
[PostRequires("Viewers", PmoArea.Finance, PmoAction.Approve)]
public sealed class IndexModel(UnitQueries units, FinanceQueries queries, FinanceService service, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public FinanceView Finance { get; private set; } = default!;
    public IReadOnlyList<FinanceBaselineView> Baselines { get; private set; } = [];
    public IReadOnlyList<string> Years { get; private set; } = [];
    public IReadOnlyList<FinanceChangeView> Changes { get; private set; } = [];
    public bool CanContribute { get; private set; }
    public bool CanApprove { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        FinancialYear? year = null;
        SpendingCategory? category = null;
        try
        {
            year = FinanceQuery.ParseYear(Year);
            category = Infrastructure.EnumText.ParseOptional<SpendingCategory>("category", Category);
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(failure.PropertyName == "year" ? nameof(Year) : nameof(Category), failure.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (category is not null && await queries.TotalsOnlyAsync(unit, ct))
        {
            // Shown the totals, as the department chose for viewers, rather than refused the page.
            category = null;
        }

        Finance = await queries.ViewAsync(unit, year, category, ct);
        Baselines = await queries.BaselinesAsync(unit.Id, ct);
        Changes = await queries.ChangesAsync(unit.Id, 10, ct);
        var thisYear = FinancialYear.Of(queries.Today);
        Years = Finance.Phasing.Select(p => p.Year).Append(thisYear.ToString()).Append(Finance.Year).Distinct().Order().ToList();
        CanContribute = unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Finance, PmoAction.Contribute, unit.Path, ct);
        CanApprove = unit.IsOpen && await access.CanAsync(PmoArea.Finance, PmoAction.Approve, unit.Path, ct);
        return Page();
    }

    // The department's choice of what viewers see, from the form at the foot of the page.
    public async Task<IActionResult> OnPostViewersAsync(string code, bool totalsOnly, int? version, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        try
        {
            await service.SetTotalsOnlyForViewersAsync(unit.Id.ToString(), version, new FinanceViewersInput(totalsOnly), ct);
        }
        catch (Infrastructure.StaleVersionException)
        {
            TempData["Notice"] = $"Someone else changed the money of {unit.Name} at the same time: nothing was changed. Look again, then choose.";
            return RedirectToPage(null, new { code });
        }

        TempData["Notice"] = totalsOnly
            ? $"People who only view {unit.Name} and the units below it now see the totals of their money only."
            : $"People who only view {unit.Name} now see its money line by line.";
        return RedirectToPage(null, new { code });
    }

    public static string Percent(decimal? percent) => percent is { } p ? $"{(p > 0 ? "+" : string.Empty)}{p:0.0}%" : "–";

    // "Forecast 12.3% over budget: beyond the 5% cost tolerance set at DPP-PRG-001, an exception for DPP-PFL-001".
    public static string Judgement(CostToleranceCheck check)
    {
        if (check.Evaluation is not { } evaluation)
        {
            return check.VariancePercent is null ? "No budget to measure against" : "Judged against the tolerance only for all categories together";
        }

        var side = evaluation.Value >= 0 ? "over" : "under";
        if (evaluation.Limit is not { } limit)
        {
            return $"{Math.Abs(evaluation.Value):0.0}% {side} budget; no cost tolerance is set here or above";
        }

        var setAt = evaluation.LimitSetAt is { } at ? $" set at {at.Code}" : string.Empty;
        if (!evaluation.Breached)
        {
            return $"{Math.Abs(evaluation.Value):0.0}% {side} budget, within the {limit:0.##}% cost tolerance{setAt}";
        }

        var held = evaluation.HeldAt is { } h ? $": an exception for {h.Code} {h.Name}" : ": no level above can hold it";
        return $"{Math.Abs(evaluation.Value):0.0}% {side} budget, beyond the {limit:0.##}% cost tolerance{setAt}{held}";
    }
}

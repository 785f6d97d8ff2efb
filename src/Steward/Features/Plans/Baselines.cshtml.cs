using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Plans;

// The plan's baselines and a form to save the current schedule as a new one (or over an old one).
// Setting a baseline is approving the plan as the one to be measured against.
[Requires(PmoArea.Planning, PmoAction.Approve)]
public sealed class BaselinesModel(StewardDbContext db, UnitQueries units, PlanQueries queries, PlanBaselines baselines) : GovUkFormPage(db)
{
    [BindProperty]
    public BaselineForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<BaselineSummary> Baselines { get; private set; } = [];

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.Reason", "Input.Number"];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Baselines = await queries.BaselinesAsync(unit, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Baselines = await queries.BaselinesAsync(unit, ct);
        var input = new BaselineInput(Input.Name, Input.Reason, Input.Number);
        return await SubmitAsync(() => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>(new BaselineInputValidator().Validate(input).Errors), async () =>
        {
            var baseline = await baselines.SetAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Baseline {baseline.Number}, ‘{baseline.Name}’, has been set";
            return Redirect(PlanLinks.Plan(unit.Code, baseline.Number));
        }, ct);
    }
}

public sealed class BaselineForm
{
    public string? Name { get; set; }
    public string? Reason { get; set; }
    public int? Number { get; set; }
}

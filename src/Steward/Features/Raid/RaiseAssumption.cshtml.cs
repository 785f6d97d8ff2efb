using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseAssumptionModel(StewardDbContext db, UnitQueries units, AssumptionRegister raid) : GovUkFormPage(db)
{
    [BindProperty]
    public AssumptionForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Statement", "Input.ImpactIfWrong", "Input.OwnerId", "Input.ValidationDue"];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var input = new AssumptionInput(Input.Statement, Input.OwnerId, Input.ImpactIfWrong, ReadDate(Input.ValidationDue, "Validation due date", nameof(AssumptionForm.ValidationDue)));
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            var assumption = await raid.RaiseAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Assumption {assumption.Reference} has been recorded";
            return Redirect(RaidLinks.Assumption(unit.Code, assumption.Reference));
        }, ct);
    }

    public sealed class AssumptionForm
    {
        public string? Statement { get; set; }
        public string? ImpactIfWrong { get; set; }
        public Guid? OwnerId { get; set; }
        public DateParts ValidationDue { get; set; } = new();
    }
}

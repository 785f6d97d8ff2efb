using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// Microsoft Project XML into the unit's plan. Steward schedules the file itself and says whether its
// dates agree with those Microsoft Project saved.
[Requires(PmoArea.Planning, PmoAction.Contribute)]
[RequestBodyLimit.AcceptsFiles(MspdiReader.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(StewardDbContext db, UnitQueries units, MicrosoftProjectImport import) : GovUkFormPage(db)
{
    [BindProperty]
    public IFormFile? PlanFile { get; set; }

    public UnitView Unit { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["PlanFile"];

    protected override string FieldFor(string apiField) => apiField == "file" ? "PlanFile" : base.FieldFor(apiField);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        if (PlanFile is null || PlanFile.Length == 0)
        {
            ModelState.AddModelError("PlanFile", "Choose a Microsoft Project XML file");
            return await InvalidAsync(ct);
        }

        return await SubmitAsync(() => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>([]), async () =>
        {
            await using var stream = PlanFile.OpenReadStream();
            var result = await import.ImportAsync(unit.Id.ToString(), stream, ct);
            var agreement = result.ComparedWithMicrosoftProject == 0 ? ""
                : result.Differences.Count == 0 ? $" Steward's schedule agrees with Microsoft Project's on all {result.ComparedWithMicrosoftProject} tasks."
                : $" Steward's schedule differs from Microsoft Project's in {result.Differences.Count} places.";
            var across = result.CrossUnitLinks == 0 ? "" : $" The plan has {result.CrossUnitLinks} link{(result.CrossUnitLinks == 1 ? "" : "s")} to other units' plans.";
            var leftOut = result.LeftOut.Count == 0 ? "" : $" Left out: {string.Join(" ", result.LeftOut.Take(3))}{(result.LeftOut.Count > 3 ? $" (and {result.LeftOut.Count - 3} more)" : "")}";
            // Links left out are not a success to celebrate: the plan is not all the file said.
            TempData[result.LeftOut.Count == 0 ? "Notice" : "Important"] = $"Imported {result.Tasks} tasks and {result.Links} links: {result.Added} added, {result.Updated} updated, {result.Removed} removed.{across}{agreement}{leftOut}";
            return Redirect(PlanLinks.Plan(unit.Code));
        }, ct);
    }
}

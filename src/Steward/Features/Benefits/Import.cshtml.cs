using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Benefits;

// A benefits register uploaded from a spreadsheet: checked (and, unless only checking, imported) in one
// go, every row or none, with every problem by row and column. Columns are recognised by their headings;
// mapping others by hand is the API's and the command line's (?map[Heading]=field, --map).
[Requires(PmoArea.Benefits, PmoAction.Read)]
[PostRequires(null, PmoArea.Benefits, PmoAction.Contribute)]
public sealed class ImportModel(StewardDbContext db, UnitQueries units, BenefitImport import) : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public ImportReport? Report { get; private set; }

    [BindProperty] public IFormFile? Spreadsheet { get; set; }
    [BindProperty] public bool OnlyCheck { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (Spreadsheet is null || Spreadsheet.Length == 0)
        {
            ModelState.AddModelError(nameof(Spreadsheet), "Choose an .xlsx or .csv file to import");
        }
        else if (Spreadsheet.Length > BenefitImport.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Spreadsheet), "The file is larger than 50 MB");
        }
        else
        {
            try
            {
                await using var file = Spreadsheet.OpenReadStream();
                Report = await import.ImportAsync(code, file, null, OnlyCheck, ct);
                if (Report.ProblemCount == 0 && !Report.DryRun)
                {
                    TempData["Notice"] = $"{Report.Imported:N0} {(Report.Imported == 1 ? "benefit has" : "benefits have")} been imported";
                    return Redirect(BenefitsLinks.Register(Unit.Code));
                }

                if (Report.ProblemCount == 0)
                {
                    return Page();
                }

                ModelState.AddModelError(string.Empty, ImportResults.Summary(Report));
            }
            catch (UnreadableSpreadsheetException unreadable)
            {
                ModelState.AddModelError(nameof(Spreadsheet), unreadable.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        return true;
    }
}

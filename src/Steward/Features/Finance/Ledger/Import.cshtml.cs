using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Finance.Ledger;

// Actuals from the ledger in three steps: upload a finance system's export; check it (every problem by row
// and column, and each code or account nothing explains, to map here to a unit or a category); import,
// replacing each unit-month in the file, all rows or none.
[Requires(PmoArea.Finance, PmoAction.Contribute)]
[RequestBodyLimit.AcceptsFiles(LedgerImport.MaxFileBytes)]
public sealed class ImportModel(UnitQueries units, LedgerImport import, ImportUploads uploads, ChangeContext who, StewardDbContext db) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public LedgerReport? Report { get; private set; }
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    [BindProperty] public IFormFile? Spreadsheet { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public string? FileName { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public List<MappingRow> Codes { get; set; } = [];
    [BindProperty] public List<MappingRow> Accounts { get; set; } = [];

    // A code or account in the file and what the person maps it to (a unit's code, a category).
    public sealed class MappingRow
    {
        public string Source { get; set; } = string.Empty;
        public string? Target { get; set; }
    }

    public string? TargetOf(List<MappingRow> rows, string source) => rows.FirstOrDefault(r => r.Source == source)?.Target;

    public static IEnumerable<SelectListItem> Categories =>
        Enum.GetValues<SpendingCategory>().Select(c => new SelectListItem(FinanceLabels.Of(c), EnumText.Of(c)));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (Spreadsheet is { Length: > 0 })
        {
            await using var content = Spreadsheet.OpenReadStream();
            Upload = await uploads.SaveAsync(who.UserId!.Value, content, ct);
            FileName = Path.GetFileName(Spreadsheet.FileName);
            ModelState.Remove(nameof(Upload));
        }

        return await RunAsync(dryRun: true, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var result = await RunAsync(dryRun: false, ct);
        if (Report is { ProblemCount: 0, DryRun: false } report)
        {
            uploads.Delete(who.UserId!.Value, Upload!);
            TempData["Notice"] = $"Replaced {report.MonthsReplaced:N0} unit-months of actuals from {FileName ?? "the ledger"}";
            return Redirect(FinanceLinks.Index(Unit.Code));
        }

        return result;
    }

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken ct)
    {
        await using var file = uploads.Open(who.UserId!.Value, Upload);
        if (file is null)
        {
            return Refuse(nameof(Spreadsheet), Upload is null ? "Choose the ledger export to import" : "The uploaded file has expired; choose it again");
        }

        if (!FinancialYear.TryParse(Year, out var year) && !string.IsNullOrWhiteSpace(Year))
        {
            return Refuse(nameof(Year), $"'{Year}' is not a financial year: write it as 2026-27");
        }

        var codes = Mapped(Codes);
        var accounts = Mapped(Accounts);
        try
        {
            Report = await import.ImportAsync(Unit.Id.ToString(), file, string.IsNullOrWhiteSpace(Year) ? null : year, new LedgerMappings(codes, accounts), FileName, dryRun, ct: ct);
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            uploads.Delete(who.UserId!.Value, Upload);
            Upload = null;
            return Refuse(nameof(Spreadsheet), unreadable.Message);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(string.Empty, failure.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Report.ProblemCount > 0)
        {
            ModelState.AddModelError("problems", $"{Report.ProblemCount:N0} {(Report.ProblemCount == 1 ? "problem" : "problems")} in the file; nothing has been imported. Map the codes below, or correct the file and upload it again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private static Dictionary<string, string> Mapped(List<MappingRow> rows)
    {
        var mapped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r.Source) && !string.IsNullOrWhiteSpace(r.Target)))
        {
            mapped[row.Source] = row.Target!;
        }

        return mapped;
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
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
        Units = await db.Units.AsNoTracking().Where(u => db.IdsUnder(unit.Path).Contains(u.Id)).OrderBy(u => u.Code)
            .Select(u => new SelectListItem(u.Code + " " + u.Name, u.Code)).ToListAsync(ct);
        return true;
    }
}

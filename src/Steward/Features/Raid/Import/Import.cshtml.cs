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

namespace Steward.Features.Raid;

// Import a register (risks by default, or issues, assumptions or dependencies) in three steps: upload a
// file; check how its columns map and what every row will become (change the mapping and check again);
// import all rows, or none if any is wrong.
[Requires(PmoArea.Raid, PmoAction.Contribute)]
[RequestBodyLimit.AcceptsFiles(RaidImport.MaxFileBytes)]
public sealed class ImportModel(UnitQueries units, RaidImport import, ImportUploads uploads, ChangeContext who, StewardDbContext db) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public RaidImportKind Kind { get; private set; } = new RiskImportKind();
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    [BindProperty] public IFormFile? Spreadsheet { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public string? DefaultOwner { get; set; }
    [BindProperty] public Dictionary<string, string> Map { get; set; } = [];

    public IEnumerable<SelectListItem> Fields =>
        new[] { new SelectListItem("Do not import", "-") }.Concat(Kind.Fields.All.Select(f => new SelectListItem(Kind.Fields.Label(f), f)));

    public string Address => $"/units/{Unit.Code}/raid/import/{Kind.Register}";

    public async Task<IActionResult> OnGetAsync(string code, string? register, CancellationToken ct) =>
        await LoadAsync(code, register, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckAsync(string code, string? register, CancellationToken ct)
    {
        if (!await LoadAsync(code, register, ct))
        {
            return NotFound();
        }

        if (Spreadsheet is { Length: > 0 })
        {
            await using var content = Spreadsheet.OpenReadStream();
            Upload = await uploads.SaveAsync(who.UserId!.Value, content, ct);
            Map = [];
            ModelState.Remove(nameof(Upload));
            ModelState.Remove(nameof(Map));
        }

        return await RunAsync(dryRun: true, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(string code, string? register, CancellationToken ct)
    {
        if (!await LoadAsync(code, register, ct))
        {
            return NotFound();
        }

        var result = await RunAsync(dryRun: false, ct);
        if (Report is { Imported: > 0 } report)
        {
            uploads.Delete(who.UserId!.Value, Upload!);
            TempData["Notice"] = $"Imported {report.Imported:N0} {(report.Imported == 1 ? Kind.Singular : Kind.Register)} into {Unit.Name}";
            return Redirect(Kind is RiskImportKind ? $"/units/{Unit.Code}/raid?sort=updated" : $"/units/{Unit.Code}/raid?type={Kind.Register}");
        }

        return result;
    }

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken ct)
    {
        await using var file = uploads.Open(who.UserId!.Value, Upload);
        if (file is null)
        {
            ModelState.AddModelError(nameof(Spreadsheet), Upload is null ? "Choose a spreadsheet to import" : "The uploaded file has expired; choose it again");
            Upload = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Report = await import.ImportAsync(Kind, Unit.Id.ToString(), file, Map.Count == 0 ? null : Map, DefaultOwner, dryRun, ct: ct);
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            ModelState.AddModelError(nameof(Spreadsheet), unreadable.Message);
            uploads.Delete(who.UserId!.Value, Upload);
            Upload = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Report.ProblemCount > 0)
        {
            ModelState.AddModelError("problems", $"{Report.ProblemCount:N0} {(Report.ProblemCount == 1 ? "problem" : "problems")} in the file; nothing has been imported. Correct the file and upload it again, or change how its columns are read.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Map = Report.Columns.Where(c => c.Heading.Length > 0).ToDictionary(c => c.Heading, c => c.Field ?? "-");
        return Page();
    }

    private async Task<bool> LoadAsync(string code, string? register, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit || RaidImportKind.For(register ?? "risks") is not { } kind)
        {
            return false;
        }

        Kind = kind;
        Unit = unit;
        People = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Email)).ToListAsync(ct);
        return true;
    }
}

using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Gmpp;

// Importing a department's published GMPP files into a portfolio or programme: the file is checked first
// (a dry run: every value that could not be read, by project and field, and how each project is matched),
// kept on the server, and imported only when the person confirms.
[Requires(PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires(null, PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Confirm", PmoArea.Reporting, PmoAction.Contribute)]
public sealed class ImportModel(UnitQueries units, GmppImport import, GmppUploads uploads) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public GmppImportReport? Report { get; private set; }

    [BindProperty] public IFormFile? PublishedFile { get; set; }
    [BindProperty] public DateParts AsAt { get; set; } = new();
    [BindProperty] public string? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var asAt = AsAt.Read("The date the data stands at", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(AsAt), dateError);
        }

        if (PublishedFile is null || PublishedFile.Length == 0)
        {
            ModelState.AddModelError(nameof(PublishedFile), "Choose a published GMPP file (.csv or .xlsx)");
        }
        else if (PublishedFile.Length > GmppImport.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(PublishedFile), "The file is larger than 50 MB");
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using var buffer = new MemoryStream();
        await PublishedFile!.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var name = Path.GetFileName(PublishedFile.FileName);
        if (await RunAsync(bytes, new GmppImportRequest(name, Unit.Code, asAt, DryRun: true, Confirm: false), ct) && !Report!.Refused)
        {
            Upload = uploads.Keep(bytes, name, Owner);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var asAt = AsAt.Read("The date the data stands at", out _);
        if (uploads.Find(Upload, Owner) is not { } upload)
        {
            ModelState.AddModelError(nameof(PublishedFile), "The file checked earlier is no longer kept (files are kept for two hours): upload it again");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await RunAsync(upload.Bytes, new GmppImportRequest(upload.FileName, Unit.Code, asAt, DryRun: false, Confirm: true), ct) && Report!.Written)
        {
            uploads.Forget(Upload!);
            Upload = null;
        }

        return Page();
    }

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? User.Identity?.Name ?? string.Empty;

    private async Task<bool> RunAsync(byte[] bytes, GmppImportRequest request, CancellationToken ct)
    {
        try
        {
            Report = await import.ImportAsync(new MemoryStream(bytes, writable: false), request, ct);
            if (Report.Refused)
            {
                ModelState.AddModelError(nameof(PublishedFile), $"{request.FileName}: {Report.Findings.Count(f => f.Refuses)} values must be corrected before it can be imported (listed below); nothing was imported");
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return true;
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            ModelState.AddModelError(nameof(PublishedFile), $"{request.FileName}: {unreadable.Message}");
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(failure.PropertyName == "asAt" ? nameof(AsAt) : nameof(PublishedFile), failure.ErrorMessage);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
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

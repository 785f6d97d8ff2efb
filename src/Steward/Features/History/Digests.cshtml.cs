using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History.Digests;
using Steward.Infrastructure;

namespace Steward.Features.History;

// The history's digests for those who audit the department: the database's copies, and, for administrators,
// taking one now and checking the database against a digest kept outside it (the same check as
// `steward audit verify --digest`). A check reads the whole history, so only administrators may start one,
// and only one runs at a time.
[Requires(PmoArea.Audit, PmoAction.Read, WholeDepartment = true)]
[PostRequires("Take", PmoArea.Audit, PmoAction.Administer, WholeDepartment = true)]
[PostRequires("Verify", PmoArea.Audit, PmoAction.Administer, WholeDepartment = true)]
[RequestBodyLimit.AcceptsFiles(MaxDigestBytes + 16 * 1024)]
public sealed class DigestsModel(StewardDbContext db, DigestKeys keys, DigestPublication publication, IConfiguration configuration) : PageModel
{
    public const int MaxDigestBytes = 64 * 1024;
    private const int Shown = 50;

    [BindProperty]
    public IFormFile? DigestFile { get; set; }

    public IReadOnlyList<StoredDigest> Recent { get; private set; } = [];

    public long Total { get; private set; }

    public bool KeyConfigured => keys.IsConfigured;

    public string? Folder => publication.Folder;

    public int EveryMinutes => configuration.GetValue(DigestSchedule.EveryMinutesSetting, 15);

    public DigestCheck? Check { get; private set; }

    public string? CheckedAgainst { get; private set; }

    public static readonly IReadOnlyList<string> FieldOrder = [nameof(DigestFile)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    // The database's copy of one digest, as the file it was published as.
    public async Task<IActionResult> OnGetDownloadAsync(long sequence, CancellationToken ct)
    {
        var stored = await db.HistoryDigests.AsNoTracking().Where(d => d.Sequence == sequence).Select(d => d.Document).SingleOrDefaultAsync(ct);
        return stored is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(stored), "application/json", $"steward-digest-{sequence:D8}.json");
    }

    public async Task<IActionResult> OnPostTakeAsync([FromServices] HistoryDigests digests, CancellationToken ct)
    {
        try
        {
            var taken = await digests.TakeAsync(ct);
            var written = await publication.WriteAsync(taken, ct);
            TempData[written is null ? "Important" : "Notice"] = written is null
                ? $"Digest {taken.Sequence} taken and kept in the database only: set {DigestPublication.FolderSetting} so that a copy is kept outside it."
                : $"Digest {taken.Sequence} taken: {taken.Events:N0} events of {taken.Records:N0} records, written to {written}.";
            return Redirect(HistoryLinks.Digests);
        }
        catch (Exception e) when (e is DigestSetupException or DigestRefusedException)
        {
            ModelState.AddModelError(string.Empty, $"No digest taken: {e.Message}");
            Response.StatusCode = e is DigestRefusedException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] DigestVerification verification, [FromServices] HistoryCheckGate gate, CancellationToken ct)
    {
        await LoadAsync(ct);
        var published = await ReadUploadAsync(ct);
        if (published is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!gate.TryEnter())
        {
            ModelState.AddModelError(nameof(DigestFile), "Another check of the history is running: try again when it has finished");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        try
        {
            Check = await verification.VerifyAsync([published], [], null, ct);
            CheckedAgainst = published.Source;
        }
        catch (Exception e) when (e is DigestFormatException or DigestSetupException)
        {
            ModelState.AddModelError(nameof(DigestFile), e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        finally
        {
            gate.Leave();
        }

        return Page();
    }

    private async Task<PublishedDigest?> ReadUploadAsync(CancellationToken ct)
    {
        if (DigestFile is null || DigestFile.Length == 0)
        {
            ModelState.AddModelError(nameof(DigestFile), "Choose a digest file (steward-digest-….json) kept outside the database");
            return null;
        }

        if (DigestFile.Length > MaxDigestBytes)
        {
            ModelState.AddModelError(nameof(DigestFile), $"The digest file must be smaller than {MaxDigestBytes / 1024} KB: a digest is under 1 KB");
            return null;
        }

        using var reader = new StreamReader(DigestFile.OpenReadStream());
        var name = Path.GetFileName(DigestFile.FileName);
        try
        {
            return PublishedDigest.FromText(await reader.ReadToEndAsync(ct), string.IsNullOrWhiteSpace(name) ? "the file" : name);
        }
        catch (DigestFormatException e)
        {
            ModelState.AddModelError(nameof(DigestFile), e.Message);
            return null;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Total = await db.HistoryDigests.LongCountAsync(ct);
        Recent = await db.HistoryDigests.AsNoTracking().OrderByDescending(d => d.Sequence).Take(Shown).ToListAsync(ct);
    }
}

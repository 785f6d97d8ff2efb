using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class EditIssueModel(StewardDbContext db, UnitQueries units, IssueQueries queries, IssueRegister raid, HistoryQueries history) : IssueFormPage(db)
{
    public IssueView Issue { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Issue = await queries.IssueAsync(unit, reference, ct);
        Input = IssueForm.From(Issue);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Issue = await queries.IssueAsync(unit, reference, ct);
        var input = ReadInput();
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            await raid.UpdateAsync(Issue.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {Issue.Reference} have been saved";
            return Redirect(RaidLinks.Issue(unit.Code, Issue.Reference));
        }, ct, async () =>
        {
            // Keep what was typed; take the current version, so saving again is a deliberate choice.
            ModelState.AddModelError(string.Empty, await history.ChangedWhileEditingAsync(Issue.Id, Issue.Reference, "the issue's page", ct));
            ModelState.Remove("Input.Version");
            Input.Version = Issue.Version;
        });
    }
}

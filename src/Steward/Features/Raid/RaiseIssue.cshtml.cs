using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseIssueModel(StewardDbContext db, UnitQueries units, IssueRegister raid) : IssueFormPage(db)
{
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
        var input = ReadInput() with { Status = null, Resolution = null };
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            var issue = await raid.RaiseAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Issue {issue.Reference} has been raised";
            return Redirect(RaidLinks.Issue(unit.Code, issue.Reference));
        }, ct);
    }
}

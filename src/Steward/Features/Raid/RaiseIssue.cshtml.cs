using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseIssueModel(StewardDbContext db, UnitQueries units, IssueRegister raid) : IssueFormPage(db, units)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    // A new issue is open, with nothing resolved yet, whatever the form posts.
    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), () => ReadInput() with { Status = null, Resolution = null }, raid.CheckAsync, async input =>
        {
            var issue = await raid.RaiseAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Issue {issue.Reference} has been raised", RaidLinks.Issue(Unit.Code, issue.Reference));
        }, ct);
}

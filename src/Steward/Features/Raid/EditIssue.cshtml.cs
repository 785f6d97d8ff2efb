using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class EditIssueModel(StewardDbContext db, UnitQueries units, IssueQueries queries, IssueRegister raid, HistoryQueries history) : IssueFormPage(db, units)
{
    public IssueView Issue { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, reference, ct), ct, () => Input = IssueForm.From(Issue));

    public Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, reference, ct), ReadInput, raid.CheckAsync, async input =>
        {
            await raid.UpdateAsync(Issue.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {Issue.Reference} have been saved", RaidLinks.Issue(Unit.Code, Issue.Reference));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Issue.Id, Issue.Reference, "the issue's page", ct), Issue.Version));

    private Task<bool> OpenAsync(string code, string reference, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Issue = await queries.IssueAsync(Unit, reference, ct), ct);
}

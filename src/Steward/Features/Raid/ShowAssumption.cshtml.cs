using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// An assumption's page: validate it, or mark it invalid and raise the issue or risk it now is.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowAssumptionModel(UnitQueries units, AssumptionQueries queries, AssumptionRegister raid, HistoryQueries history, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public AssumptionView Assumption { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanDecide { get; private set; }

    [BindProperty] public string? Raise { get; set; }

    public static IEnumerable<SelectListItem> FollowUps =>
    [
        new("Raise an issue|It has already caused a problem", "issue"),
        new("Raise a risk|It may cause a problem", "risk"),
        new("Raise nothing", "nothing"),
    ];

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostValidateAsync(string code, string reference, int version, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, () => LoadAsync(code, reference, ct), () => Assumption.Reference, async () =>
        {
            await raid.ValidateAsync(Assumption.Id, version, ct);
            TempData["Notice"] = $"{Assumption.Reference} has been validated";
            return Redirect(RaidLinks.Assumption(Unit.Code, Assumption.Reference));
        }, nameof(Raise));

    public Task<IActionResult> OnPostInvalidateAsync(string code, string reference, int version, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, () => LoadAsync(code, reference, ct), () => Assumption.Reference, async () =>
        {
            if (string.IsNullOrEmpty(Raise))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Raise), "Choose whether to raise an issue, a risk or nothing")]);
            }

            var (_, followUp) = await raid.InvalidateAsync(Assumption.Id, version, Raise, ct);
            TempData["Notice"] = followUp is null ? $"{Assumption.Reference} has been marked invalid" : $"{Assumption.Reference} has been marked invalid and {followUp.Reference} raised";
            return followUp switch
            {
                Issue issue => Redirect(RaidLinks.Issue(Unit.Code, issue.Reference)),
                Risk risk => Redirect(RaidLinks.Risk(Unit.Code, risk.Reference)),
                _ => Redirect(RaidLinks.Assumption(Unit.Code, Assumption.Reference)),
            };
        }, nameof(Raise));

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Assumption = await queries.AssumptionAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Assumption.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        CanDecide = Assumption.Status == AssumptionStatus.Unvalidated && unit.Status != UnitStatus.Archived
            && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}

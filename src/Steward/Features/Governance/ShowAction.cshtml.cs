using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// An action's page: its dated progress updates, and the follow-up form (status, a progress update, a new due date or owner).
[Requires(PmoArea.Governance, PmoAction.Read)]
[PostRequires(null, PmoArea.Governance, PmoAction.Contribute)]
public sealed class ShowActionModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, HistoryQueries history, AccessPolicy access)
    : GovUkFormPage(db)
{
    [BindProperty]
    public FollowUpForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;
    public ActionView Action { get; private set; } = default!;
    public IReadOnlyList<ActionProgressView> Updates { get; private set; } = [];
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanContribute { get; private set; }

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Status", "Input.Progress", "Input.OwnerId", "Input.DueOn"];

    public static IEnumerable<SelectListItem> Statuses => Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(GovernanceLabels.Of(s), s.ToString()));

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        Input = FollowUpForm.From(Action);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var due = ReadDate(Input.DueOn, "Due date", nameof(FollowUpForm.DueOn));
        var input = new ActionInput(Action.Description, Input.OwnerId, due, Status: Input.Status, Progress: Input.Progress);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            await governance.UpdateActionAsync(Action.Id, Input.Version, input, ct);
            TempData["Notice"] = $"{Action.Reference} has been updated";
            return Redirect(GovernanceLinks.Action(Unit.Code, Action.Reference));
        }, ct, onStale: async () =>
        {
            await LoadAsync(code, reference, ct);
            ModelState.AddModelError(string.Empty, $"{Action.Reference} was changed by someone else a moment ago. Check it below, then save again.");
            Input.Version = Action.Version;
        });
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Action = await queries.ActionAsync(unit, reference, ct);
        Updates = await queries.ProgressUpdatesAsync(Action.Id, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Action.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}

public sealed class FollowUpForm
{
    public ActionStatus? Status { get; set; }
    public string? Progress { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts DueOn { get; set; } = new();
    public int Version { get; set; }

    public static FollowUpForm From(ActionView action) => new()
    {
        Status = action.Status, OwnerId = action.Owner.Id, DueOn = DateParts.From(action.DueOn), Version = action.Version,
    };
}

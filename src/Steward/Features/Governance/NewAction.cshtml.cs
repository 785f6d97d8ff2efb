using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Raising an action: from a meeting, a decision, a risk (a mitigation action) or an issue, whose page
// links here with the source in the address; or directly on the unit.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewActionModel(StewardDbContext db, UnitQueries units, GovernanceService governance) : EntryFormPage<ActionForm>(db, units)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Decision { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Description", "Input.OwnerId", "Input.DueOn", "source"];

    public string? SourceText => Meeting is not null ? "the meeting" : Decision ?? Risk ?? Issue;

    public string BackLink => Meeting is { } m ? $"/units/{Unit.Code}/meetings/{m}"
        : Decision is { } d ? $"/units/{Unit.Code}/decisions/{d}"
        : Risk is { } r ? $"/units/{Unit.Code}/risks/{r}"
        : Issue is { } i ? $"/units/{Unit.Code}/issues/{i}"
        : $"/units/{Unit.Code}/governance#actions";

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct),
            () => new ActionInput(Input.Description, Input.OwnerId, ReadDate(Input.DueOn, "Due date", nameof(ActionForm.DueOn)), Meeting, Decision, Risk, Issue),
            governance.CheckAsync, async input =>
            {
                var action = await governance.RaiseActionAsync(Unit.Id.ToString(), input, ct);
                return new EntrySaved($"Action {action.Reference} has been raised", GovernanceLinks.Action(Unit.Code, action.Reference));
            }, ct);

    protected override string FieldFor(string apiField) => apiField is "meetingId" or "decision" or "risk" or "issue" or "source" ? string.Empty : base.FieldFor(apiField);
}

public sealed class ActionForm
{
    public string? Description { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts DueOn { get; set; } = new();
}

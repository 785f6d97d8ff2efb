using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// Raising an action: from a meeting, a decision, a risk (a mitigation action) or an issue, whose page
// links here with the source in the address; or directly on the unit.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewActionModel(StewardDbContext db, UnitQueries units, GovernanceService governance) : GovUkFormPage(db)
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Decision { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    public UnitView Unit { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Description", "Input.OwnerId", "Input.DueOn", "source"];

    public string? SourceText => Meeting is not null ? "the meeting" : Decision ?? Risk ?? Issue;

    public string BackLink => Meeting is { } m ? $"/units/{Unit.Code}/meetings/{m}"
        : Decision is { } d ? $"/units/{Unit.Code}/decisions/{d}"
        : Risk is { } r ? $"/units/{Unit.Code}/risks/{r}"
        : Issue is { } i ? $"/units/{Unit.Code}/issues/{i}"
        : $"/units/{Unit.Code}/governance#actions";

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
        var due = ReadDate(Input.DueOn, "Due date", nameof(ActionForm.DueOn));
        var input = new ActionInput(Input.Description, Input.OwnerId, due, Meeting, Decision, Risk, Issue);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var action = await governance.RaiseActionAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Action {action.Reference} has been raised";
            return Redirect(GovernanceLinks.Action(unit.Code, action.Reference));
        }, ct);
    }

    protected override string FieldFor(string apiField) => apiField is "meetingId" or "decision" or "risk" or "issue" or "source" ? string.Empty : base.FieldFor(apiField);
}

public sealed class ActionForm
{
    public string? Description { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts DueOn { get; set; } = new();
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// Recording a decision in the log: from a meeting's page (the board and meeting are then known), or
// directly, naming the board or the person who decided.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewDecisionModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : GovUkFormPage(db)
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    public UnitView Unit { get; private set; } = default!;
    public MeetingView? AtMeeting { get; private set; }
    public IReadOnlyList<SelectListItem> Boards { get; private set; } = [];

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.Title", "Input.Rationale", "Input.OptionsConsidered", "Input.DecidedOn", "Input.BoardId", "Input.DecidedById", "Input.Links"];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (AtMeeting is { } meeting)
        {
            Input.DecidedOn = DateParts.From(DateOnly.FromDateTime(Infrastructure.UkFormat.ToLondon(meeting.StartsAt)));
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var decidedOn = ReadDate(Input.DecidedOn, "Date of the decision", nameof(DecisionForm.DecidedOn));
        var links = (Input.Links ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new DecisionInput(Input.Title, decidedOn, Input.Rationale, Input.OptionsConsidered, AtMeeting?.Board.Id ?? Input.BoardId, AtMeeting?.Id, Input.DecidedById, links);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var decision = await governance.RecordDecisionAsync(Unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Decision {decision.Reference} has been recorded";
            return Redirect($"/units/{Unit.Code}/decisions/{decision.Reference}");
        }, ct);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        AtMeeting = Meeting is { } id ? await queries.MeetingAsync(unit, id, ct) : null;
        Boards = (await queries.BoardsAsync(unit, ct)).Where(b => b.Unit.Id == unit.Id).Select(b => new SelectListItem(b.Name, b.Id.ToString())).ToList();
        return true;
    }
}

public sealed class DecisionForm
{
    public string? Title { get; set; }
    public string? Rationale { get; set; }
    public string? OptionsConsidered { get; set; }
    public DateParts DecidedOn { get; set; } = new();
    public Guid? BoardId { get; set; }
    public Guid? DecidedById { get; set; }
    public string? Links { get; set; }
}

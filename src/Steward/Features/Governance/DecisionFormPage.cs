using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// What recording and correcting a decision share. A decision taken at a meeting keeps its board and
// meeting; one taken outside a meeting names its board, or the person who decided, on the form.
public abstract class DecisionFormPage(StewardDbContext db, UnitQueries units, GovernanceQueries queries) : EntryFormPage<DecisionForm>(db, units)
{
    public MeetingView? AtMeeting { get; protected set; }
    public IReadOnlyList<SelectListItem> Boards { get; private set; } = [];

    protected GovernanceQueries Queries => queries;

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.Title", "Input.Rationale", "Input.OptionsConsidered", "Input.DecidedOn", "Input.BoardId", "Input.DecidedById", "Input.Links"];

    protected async Task LoadBoardsAsync(CancellationToken ct) =>
        Boards = (await queries.BoardsAsync(Unit, ct)).Where(b => b.Unit.Id == Unit.Id).Select(b => new SelectListItem(b.Name, b.Id.ToString())).ToList();

    protected DecisionInput ReadInput()
    {
        var decidedOn = ReadDate(Input.DecidedOn, "Date of the decision", nameof(DecisionForm.DecidedOn));
        var links = (Input.Links ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DecisionInput(Input.Title, decidedOn, Input.Rationale, Input.OptionsConsidered, AtMeeting?.Board.Id ?? Input.BoardId, AtMeeting?.Id, Input.DecidedById, links);
    }
}

public sealed class DecisionForm : IEditForm
{
    public string? Title { get; set; }
    public string? Rationale { get; set; }
    public string? OptionsConsidered { get; set; }
    public DateParts DecidedOn { get; set; } = new();
    public Guid? BoardId { get; set; }
    public Guid? DecidedById { get; set; }
    public string? Links { get; set; }
    public int Version { get; set; }

    public static DecisionForm From(DecisionView decision) => new()
    {
        Title = decision.Title,
        Rationale = decision.Rationale,
        OptionsConsidered = decision.OptionsConsidered,
        DecidedOn = DateParts.From(decision.DecidedOn),
        BoardId = decision.Board?.Id,
        DecidedById = decision.DecidedBy?.Id,
        Links = string.Join(", ", decision.Links.Select(l => l.Reference)),
        Version = decision.Version,
    };
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Features.Raid;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Reads of boards, meetings and the decisions and actions logs. Like the RAID register, a unit's logs
// roll up everything below it.
public sealed class GovernanceQueries(StewardDbContext db, RegisterUnits registerUnits, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct) =>
        registerUnits.ReadableViewAsync(PmoArea.Governance, unitKey, "governance records", ct);

    public async Task<IReadOnlyList<BoardView>> BoardsAsync(UnitView unit, CancellationToken ct = default)
    {
        var ids = await db.Boards.AsNoTracking().Where(b => b.Unit!.Path.StartsWith(unit.Path))
            .OrderBy(b => b.Unit!.Path).ThenBy(b => b.Name).Select(b => b.Id).Take(RegisterPage.MaxLimit).ToListAsync(ct);
        var boards = new List<BoardView>();
        foreach (var id in ids)
        {
            boards.Add(await BoardAsync(id, ct));
        }

        return boards;
    }

    public async Task<BoardView> BoardAsync(UnitView unit, Guid id, CancellationToken ct = default) =>
        await db.Boards.AnyAsync(b => b.Id == id && b.UnitId == unit.Id, ct) ? await BoardAsync(id, ct) : throw new RecordNotFoundException("board", id.ToString());

    private async Task<BoardView> BoardAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var board = await db.Boards.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new
            {
                Board = b,
                Unit = new UnitRef(b.Unit!.Id, b.Unit.Code, b.Unit.Name, b.Unit.Kind),
                Chair = new PersonRef(b.Chair!.Id, b.Chair.Name, b.Chair.Email),
                Members = b.Members.OrderBy(m => m.Person!.Name).Select(m => new PersonRef(m.Person!.Id, m.Person.Name, m.Person.Email)).ToList(),
                Next = db.Meetings.Where(m => m.BoardId == b.Id && m.Status == MeetingStatus.Planned && m.StartsAt >= now).Min(m => (DateTime?)m.StartsAt),
            })
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("board", id.ToString());
        var x = board.Board;
        return new BoardView(x.Id, board.Unit, x.Name, board.Chair, board.Members, x.TermsOfReference, x.Cadence, board.Next, x.Version, x.CreatedAt, x.UpdatedAt)
        {
            Quorum = x.Quorum,
        };
    }

    // Meetings of the unit's boards and those below, from a moment on (upcoming) or all of one board's.
    public async Task<IReadOnlyList<MeetingSummary>> MeetingsAsync(UnitView unit, Guid? boardId, DateTime? from, int limit, CancellationToken ct = default)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Board!.Unit!.Path.StartsWith(unit.Path));
        if (boardId is { } board)
        {
            meetings = meetings.Where(m => m.BoardId == board);
        }

        if (from is { } start)
        {
            meetings = meetings.Where(m => m.StartsAt >= start).OrderBy(m => m.StartsAt);
        }
        else
        {
            meetings = meetings.OrderByDescending(m => m.StartsAt);
        }

        var rows = await meetings.Take(limit)
            .Select(m => new { m.Id, m.BoardId, BoardName = m.Board!.Name, m.Board.Unit!.Code, m.StartsAt, m.DurationMinutes, m.Location, m.Status })
            .ToListAsync(ct);
        return rows.Select(m => new MeetingSummary(m.Id, new BoardRef(m.BoardId, m.BoardName, m.Code), m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes), m.Location, m.Status)).ToList();
    }

    public async Task<MeetingView> MeetingAsync(UnitView unit, Guid id, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id && m.Board!.UnitId == unit.Id)
            .Select(m => new
            {
                Meeting = m,
                Board = new BoardRef(m.BoardId, m.Board!.Name, m.Board.Unit!.Code),
                Agenda = m.Agenda.OrderBy(a => a.Position)
                    .Select(a => new AgendaItemView(a.Position, a.Title, a.Presenter == null ? null : new PersonRef(a.Presenter.Id, a.Presenter.Name, a.Presenter.Email))).ToList(),
                Quorum = m.Board.Quorum,
                Attendees = m.Attendees.OrderBy(a => a.Person!.Name)
                    .Select(a => new AttendeeView(new PersonRef(a.Person!.Id, a.Person.Name, a.Person.Email), a.Attendance, a.Capacity,
                        a.DeputyFor == null ? null : new PersonRef(a.DeputyFor.Id, a.DeputyFor.Name, a.DeputyFor.Email), false)).ToList(),
                // Compared after loading: the board's chair inside the attendees' projection needs APPLY, which SQLite lacks.
                m.Board.ChairId,
            })
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("meeting", id.ToString());
        var x = meeting.Meeting;
        var decisions = await DecisionSummaries(db.Decisions.Where(d => d.MeetingId == id)).ToListAsync(ct);
        var actions = await ActionsWhere(a => a.MeetingId == id, ct);
        return new MeetingView(x.Id, meeting.Board, x.StartsAt, x.StartsAt.AddMinutes(x.DurationMinutes), x.DurationMinutes, x.Location, x.Status,
            meeting.Agenda, [.. meeting.Attendees.Select(a => a with { IsChair = a.Person.Id == meeting.ChairId }).OrderBy(a => !a.IsChair).ThenBy(a => a.Capacity)], x.Minutes, decisions, actions, x.Version, x.CreatedAt, x.UpdatedAt)
        {
            Quorum = MeetingQuorum.Of(meeting.Quorum, x.Status, meeting.Attendees),
        };
    }

    public async Task<CursorPage<DecisionSummary>> DecisionsAsync(UnitView unit, Guid? boardId, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var below = db.IdsUnder(unit.Path);
        var decisions = db.Decisions.AsNoTracking().Where(d => below.Contains(d.UnitId));
        if (boardId is { } board)
        {
            decisions = decisions.Where(d => d.BoardId == board);
        }

        var rows = await DecisionSummaries(decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Number).Skip(page.Offset).Take(page.Limit + 1))
            .ToListAsync(ct);
        return new CursorPage<DecisionSummary>(rows.Take(page.Limit).ToList(), rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every decision of the unit and below, newest first, for a spreadsheet (their actions are not listed).
    public async Task<List<DecisionView>> DecisionRowsAsync(UnitView unit, Guid? boardId, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var decisions = db.Decisions.AsNoTracking().Where(d => below.Contains(d.UnitId));
        if (boardId is { } board)
        {
            decisions = decisions.Where(d => d.BoardId == board);
        }

        var rows = await Project(decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Number)).ToListAsync(ct);
        return rows.Select(r => ToView(r, [])).ToList();
    }

    public async Task<DecisionView> DecisionAsync(UnitView unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Decision.ReferencePrefix, reference) ?? throw new RecordNotFoundException("decision", reference);
        var found = await Project(db.Decisions.AsNoTracking().Where(d => d.Number == number && d.UnitId == unit.Id))
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("decision", reference);
        return ToView(found, await ActionsWhere(a => a.DecisionId == found.Decision.Id, ct));
    }

    private IQueryable<DecisionRow> Project(IQueryable<Decision> decisions) => decisions.Select(d => new DecisionRow(
        d,
        new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind),
        d.Board == null ? null : new BoardRef(d.Board.Id, d.Board.Name, d.Board.Unit!.Code),
        d.Meeting == null ? null : d.Meeting.StartsAt,
        d.Meeting == null ? null : d.Meeting.DurationMinutes,
        d.Meeting == null ? null : d.Meeting.Location,
        d.Meeting == null ? null : d.Meeting.Status,
        d.DecidedBy == null ? null : new PersonRef(d.DecidedBy.Id, d.DecidedBy.Name, d.DecidedBy.Email),
        d.Links.OrderBy(l => l.Reference).Select(l => new RaidLink(l.Reference, db.Units.Where(u => u.Id == l.UnitId).Select(u => u.Code).First())).ToList()));

    private sealed record DecisionRow(
        Decision Decision, UnitRef Unit, BoardRef? Board, DateTime? MeetingAt, int? MeetingMinutes, string? MeetingLocation, MeetingStatus? MeetingStatus,
        PersonRef? DecidedBy, List<RaidLink> Links);

    private static DecisionView ToView(DecisionRow row, IReadOnlyList<ActionView> actions)
    {
        var x = row.Decision;
        var meeting = x.MeetingId is { } id && row.Board is { } board && row.MeetingAt is { } at
            ? new MeetingSummary(id, board, at, at.AddMinutes(row.MeetingMinutes ?? 0), row.MeetingLocation, row.MeetingStatus ?? MeetingStatus.Planned)
            : null;
        return new DecisionView(x.Id, x.Reference, row.Unit, x.Title, x.Rationale, x.OptionsConsidered, x.DecidedOn, row.Board, meeting, row.DecidedBy,
            row.Links, actions, x.Version, x.CreatedAt, x.UpdatedAt);
    }

    public async Task<CursorPage<ActionView>> ActionsAsync(UnitView unit, ActionFilter filter, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var rows = await Project((await FilterAsync(unit, filter, ct)).OrderBy(a => a.DueOn).ThenBy(a => a.Number)).Skip(page.Offset).Take(page.Limit + 1).ToListAsync(ct);
        var today = Today;
        return new CursorPage<ActionView>(rows.Take(page.Limit).Select(r => ToView(r, today)).ToList(),
            rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every action the filter matches, for a spreadsheet.
    public async Task<List<ActionView>> ActionRowsAsync(UnitView unit, ActionFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        return (await Project((await FilterAsync(unit, filter, ct)).OrderBy(a => a.DueOn).ThenBy(a => a.Number)).ToListAsync(ct)).Select(r => ToView(r, today)).ToList();
    }

    public async Task<int> OverdueActionCountAsync(UnitView unit, CancellationToken ct = default) =>
        await (await FilterAsync(unit, new ActionFilter(Overdue: true), ct)).CountAsync(ct);

    public async Task<ActionView> ActionAsync(UnitView unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(ActionItem.ReferencePrefix, reference) ?? throw new RecordNotFoundException("action", reference);
        return (await ActionsWhere(a => a.Number == number && a.UnitId == unit.Id, ct)).FirstOrDefault() ?? throw new RecordNotFoundException("action", reference);
    }

    // What the actions log can be filtered by: the people who own its actions and the units they sit on.
    public async Task<(IReadOnlyList<SelectListItem> Owners, IReadOnlyList<SelectListItem> Units)> ActionChoicesAsync(UnitView unit, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var actions = db.Actions.AsNoTracking().Where(a => below.Contains(a.UnitId));
        var owners = await actions.Select(a => new { a.Owner!.Id, a.Owner.Name }).Distinct().ToListAsync(ct);
        var units = await actions.Select(a => new { a.Unit!.Code, a.Unit.Name }).Distinct().ToListAsync(ct);
        return (owners.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList(),
            units.OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(u => new SelectListItem($"{u.Name} ({u.Code})", u.Code)).ToList());
    }

    // An action's progress updates, newest first.
    public async Task<IReadOnlyList<ActionProgressView>> ProgressUpdatesAsync(Guid actionId, CancellationToken ct = default) =>
        await db.ActionProgressUpdates.AsNoTracking().Where(u => u.ActionId == actionId).OrderByDescending(u => u.CreatedAt)
            .Select(u => new ActionProgressView(
                u.Id, u.WrittenOn, u.WrittenBy == null ? null : new PersonRef(u.WrittenBy.Id, u.WrittenBy.Name, u.WrittenBy.Email), u.Text, u.CreatedAt))
            .ToListAsync(ct);

    // The actions raised at a meeting.
    public Task<List<ActionView>> ActionsForMeetingAsync(Guid meetingId, CancellationToken ct = default) =>
        ActionsWhere(a => a.MeetingId == meetingId, ct);

    // A risk's mitigation actions, or an issue's actions, wherever in the tree they were raised.
    public Task<List<ActionView>> ActionsForAsync(Guid raidItemId, CancellationToken ct = default) =>
        ActionsWhere(a => a.RiskId == raidItemId || a.IssueId == raidItemId, ct);

    // The decisions that name a RAID item.
    public Task<List<DecisionSummary>> DecisionsAboutAsync(Guid raidItemId, CancellationToken ct = default) =>
        DecisionSummaries(db.Decisions.AsNoTracking().Where(d => d.Links.Any(l => l.ItemId == raidItemId)).OrderByDescending(d => d.DecidedOn)).ToListAsync(ct);

    private async Task<IQueryable<ActionItem>> FilterAsync(UnitView unit, ActionFilter filter, CancellationToken ct)
    {
        var today = Today;
        var below = db.IdsUnder(await WithinAsync(unit, filter.UnitCode, ct));
        var actions = db.Actions.AsNoTracking().Where(a => below.Contains(a.UnitId));
        if (filter.DueFrom is { } from)
        {
            actions = actions.Where(a => a.DueOn >= from);
        }

        if (filter.DueTo is { } to)
        {
            actions = actions.Where(a => a.DueOn <= to);
        }

        if (filter.Overdue)
        {
            actions = actions.Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn < today);
        }
        else if (!filter.AllStatuses && filter.Status is { } status)
        {
            actions = actions.Where(a => a.Status == status);
        }
        else if (!filter.AllStatuses)
        {
            actions = actions.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress);
        }

        if (filter.OwnerId is { } owner)
        {
            actions = actions.Where(a => a.OwnerId == owner);
        }

        if (EntryReference.Parse(Risk.ReferencePrefix, filter.Risk) is { } risk)
        {
            actions = actions.Where(a => a.Risk!.Number == risk);
        }

        if (EntryReference.Parse(Issue.ReferencePrefix, filter.Issue) is { } issue)
        {
            actions = actions.Where(a => a.Issue!.Number == issue);
        }

        return actions;
    }

    // The part of the tree a list covers: the unit asked about, or a unit below it named by code.
    private async Task<string> WithinAsync(UnitView unit, string? code, CancellationToken ct)
    {
        if (code is null || string.Equals(code, unit.Code, StringComparison.OrdinalIgnoreCase))
        {
            return unit.Path;
        }

        var path = await db.Units.AsNoTracking().Where(u => u.Code == code.ToUpperInvariant()).Select(u => u.Path).FirstOrDefaultAsync(ct);
        return path is not null && path.StartsWith(unit.Path, StringComparison.Ordinal) ? path
            : throw new ValidationException([new ValidationFailure("unit", $"{code} is not a unit at or below {unit.Code}")]);
    }

    private async Task<List<ActionView>> ActionsWhere(System.Linq.Expressions.Expression<Func<ActionItem, bool>> where, CancellationToken ct)
    {
        var today = Today;
        var rows = await Project(db.Actions.AsNoTracking().Where(where).OrderBy(a => a.DueOn).ThenBy(a => a.Number)).ToListAsync(ct);
        return rows.Select(r => ToView(r, today)).ToList();
    }

    private static IQueryable<ActionRow> Project(IQueryable<ActionItem> actions) => actions.Select(a => new ActionRow(
        a, new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind), new PersonRef(a.Owner!.Id, a.Owner.Name, a.Owner.Email),
        a.Meeting == null ? null : a.Meeting.Board!.Name, a.Meeting == null ? null : a.Meeting.StartsAt, a.Meeting == null ? null : a.Meeting.Board!.Unit!.Code,
        a.Decision == null ? null : a.Decision.Number, a.Decision == null ? null : a.Decision.Unit!.Code,
        a.Risk == null ? null : a.Risk.Number, a.Risk == null ? null : a.Risk.Unit!.Code,
        a.Issue == null ? null : a.Issue.Number, a.Issue == null ? null : a.Issue.Unit!.Code));

    private sealed record ActionRow(
        ActionItem Action, UnitRef Unit, PersonRef Owner, string? BoardName, DateTime? MeetingAt, string? MeetingUnit,
        int? DecisionNumber, string? DecisionUnit, int? RiskNumber, string? RiskUnit, int? IssueNumber, string? IssueUnit);

    private static ActionView ToView(ActionRow r, DateOnly today)
    {
        var a = r.Action;
        ActionSource? source = a.MeetingId is { } meeting ? new ActionSource("meeting", $"{r.BoardName}, {UkFormat.Date(r.MeetingAt)}", $"/units/{r.MeetingUnit}/meetings/{meeting}")
            : r.DecisionNumber is { } d ? Source("decision", EntryReference.Format(Decision.ReferencePrefix, d), r.DecisionUnit!, "decisions")
            : r.RiskNumber is { } risk ? Source("risk", EntryReference.Format(Risk.ReferencePrefix, risk), r.RiskUnit!, "risks")
            : r.IssueNumber is { } issue ? Source("issue", EntryReference.Format(Issue.ReferencePrefix, issue), r.IssueUnit!, "issues")
            : null;
        return new ActionView(a.Id, a.Reference, r.Unit, a.Description, r.Owner, a.DueOn, a.Status, a.IsOpen && a.DueOn < today, a.CompletedOn, a.Progress,
            source, a.Version, a.CreatedAt, a.UpdatedAt);
    }

    private static ActionSource Source(string kind, string reference, string unitCode, string segment) =>
        new(kind, reference, $"/units/{unitCode}/{segment}/{reference}");

    private static IQueryable<DecisionSummary> DecisionSummaries(IQueryable<Decision> decisions) => decisions.Select(d => new DecisionSummary(
        d.Id, EntryReference.Format(Decision.ReferencePrefix, d.Number), new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind), d.Title, d.DecidedOn,
        d.Board == null ? null : new BoardRef(d.Board.Id, d.Board.Name, d.Board.Unit!.Code),
        d.DecidedBy == null ? null : new PersonRef(d.DecidedBy.Id, d.DecidedBy.Name, d.DecidedBy.Email)));

    private static void CheckLimit(RegisterPage page)
    {
        if (page.Limit is < 1 or > RegisterPage.MaxLimit)
        {
            throw new ValidationException([new ValidationFailure("limit", $"Limit must be between 1 and {RegisterPage.MaxLimit}")]);
        }
    }
}

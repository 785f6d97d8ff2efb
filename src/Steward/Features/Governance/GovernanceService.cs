using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Raid;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Every change to boards, meetings, the decisions log and the actions log, from pages, API and command
// line alike. All of it is "contribute" in the permission matrix's governance area: the PMO's
// secretariat arranges meetings and records what boards decide.
public sealed class GovernanceService(StewardDbContext db, RegisterUnits units, RegisterEntries entries, RaidReferences raid, ChangeContext who, TimeProvider clock)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(BoardInput input, CancellationToken ct = default) =>
        (await new BoardInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(MeetingInput input, CancellationToken ct = default) =>
        (await new MeetingInputValidator(db, clock.GetUtcNow()).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(DecisionInput input, CancellationToken ct = default) =>
        (await new DecisionInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(ActionInput input, CancellationToken ct = default) =>
        (await new ActionInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Board> CreateBoardAsync(string unitKey, BoardInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Governance, PmoAction.Contribute, unitKey, RecordChange.Add, "set up boards on", Register, ct);
        input = Normalise(input);
        await new BoardInputValidator(db).ValidateAndThrowAsync(input, ct);
        await RefuseDuplicateNameAsync(unit.Id, input.Name!, null, ct);
        var board = new Board { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = input.Name! };
        Apply(board, input);
        db.Boards.Add(board);
        await db.SaveChangesAsync(ct);
        return board;
    }

    public async Task<Board> UpdateBoardAsync(Guid id, int expectedVersion, BoardInput input, CancellationToken ct = default)
    {
        var (board, _) = await entries.LoadAsync(db.Boards.Include(b => b.Members), PmoArea.Governance, PmoAction.Contribute, id, expectedVersion, "change the board", Register, ct);
        input = Normalise(input);
        await new BoardInputValidator(db).ValidateAndThrowAsync(input, ct);
        await RefuseDuplicateNameAsync(board.UnitId, input.Name!, board.Id, ct);
        Apply(board, input);
        Touch(board);
        await entries.SaveAsync(board.Name, expectedVersion, ct);
        return board;
    }

    public async Task<Meeting> ArrangeMeetingAsync(Guid boardId, MeetingInput input, CancellationToken ct = default)
    {
        var board = await db.Boards.Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == boardId, ct) ?? throw new RecordNotFoundException("board", boardId.ToString());
        await units.ForEntryAsync(PmoArea.Governance, PmoAction.Contribute, board.UnitId, "board", boardId.ToString(), board.Name, "arrange meetings of", Register, RecordChange.Add, ct);
        input = Normalise(input) with { Status = input.Status ?? MeetingStatus.Planned };
        await new MeetingInputValidator(db, clock.GetUtcNow()).ValidateAndThrowAsync(input, ct);
        var meeting = new Meeting { Id = Guid.CreateVersion7(), BoardId = board.Id };
        var seats = Seats(board);
        var invited = input.Attendees ?? [.. seats.Select(p => new AttendeeInput(p))];
        CheckAttendance(invited, seats);
        Apply(meeting, input with { Attendees = invited }, seats);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    // Replaces what was planned, or records what happened: status, attendance, minutes.
    public async Task<Meeting> UpdateMeetingAsync(Guid id, int expectedVersion, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.Include(m => m.Board!.Members).Include(m => m.Agenda).Include(m => m.Attendees).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new RecordNotFoundException("meeting", id.ToString());
        var name = $"the {meeting.Board!.Name} meeting";
        await units.ForEntryAsync(PmoArea.Governance, PmoAction.Contribute, meeting.Board.UnitId, "meeting", id.ToString(), name, "change", Register, ct: ct);
        if (meeting.Version != expectedVersion)
        {
            throw new StaleVersionException(name, expectedVersion, meeting.Version);
        }
        input = Normalise(input) with { Status = input.Status ?? meeting.Status };
        await new MeetingInputValidator(db, clock.GetUtcNow()).ValidateAndThrowAsync(input, ct);
        var held = meeting.Status != MeetingStatus.Held && input.Status == MeetingStatus.Held;
        if (meeting.Status != MeetingStatus.Cancelled && input.Status == MeetingStatus.Cancelled && input.Minutes is null)
        {
            // Calling off a board is a step members will ask about, like closing a RAID item: it says why.
            throw Invalid("minutes", "Say why the meeting was cancelled, in the minutes");
        }

        var seats = Seats(meeting.Board);
        CheckAttendance(input.Attendees ?? [], seats);
        Apply(meeting, input, seats);
        Touch(meeting);
        if (held)
        {
            await ArrangeNextByCadenceAsync(meeting, ct);
        }

        await entries.SaveAsync(name, expectedVersion, ct);
        return meeting;
    }

    // A meeting held leaves a board with a regular cadence its next meeting, arranged with the chair and members
    // invited, unless one is arranged already; saved with the meeting. Its agenda is for the secretariat to write.
    private async Task ArrangeNextByCadenceAsync(Meeting held, CancellationToken ct)
    {
        var board = await db.Boards.Include(b => b.Members).FirstAsync(b => b.Id == held.BoardId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (BoardCadenceRecurrence.NextAfter(board.Cadence, held.StartsAt, now) is not { } next
            || await db.Meetings.AnyAsync(m => m.BoardId == board.Id && m.Id != held.Id && m.Status == MeetingStatus.Planned && m.StartsAt > now, ct))
        {
            return;
        }

        var meeting = new Meeting { Id = Guid.CreateVersion7(), BoardId = board.Id };
        var seats = Seats(board);
        Apply(meeting, new MeetingInput(new DateTimeOffset(next, TimeSpan.Zero), held.DurationMinutes, held.Location, [], [.. seats.Select(p => new AttendeeInput(p))], MeetingStatus.Planned), seats);
        db.Meetings.Add(meeting);
    }

    public async Task<Decision> RecordDecisionAsync(string unitKey, DecisionInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Governance, PmoAction.Contribute, unitKey, RecordChange.Add, "record decisions on", Register, ct);
        input = Normalise(input);
        await new DecisionInputValidator(db).ValidateAndThrowAsync(input, ct);
        var decision = new Decision { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title! };
        await ApplyAsync(decision, unit, input, ct);
        return await db.AddNumberedAsync(db.Decisions, decision, ct);
    }

    public async Task<Decision> UpdateDecisionAsync(Guid id, int expectedVersion, DecisionInput input, CancellationToken ct = default)
    {
        var (decision, unit) = await entries.LoadAsync(db.Decisions.Include(d => d.Links), PmoArea.Governance, PmoAction.Contribute, id, expectedVersion, "change", Register, ct);
        input = Normalise(input);
        await new DecisionInputValidator(db).ValidateAndThrowAsync(input, ct);
        await ApplyAsync(decision, unit, input, ct);
        Touch(decision);
        await entries.SaveAsync(decision.Reference, expectedVersion, ct);
        return decision;
    }

    public async Task<ActionItem> RaiseActionAsync(string unitKey, ActionInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Governance, PmoAction.Contribute, unitKey, RecordChange.Add, "raise actions on", Register, ct);
        input = Normalise(input) with { Status = ActionStatus.Open };
        await new ActionInputValidator(db).ValidateAndThrowAsync(input, ct);
        var action = new ActionItem { Id = Guid.CreateVersion7(), UnitId = unit.Id, Description = input.Description!, Status = ActionStatus.Open };
        await SetSourceAsync(action, unit, input, ct);
        Apply(action, input);
        await AddProgressAsync(action, input.Progress, ct);
        return await db.AddNumberedAsync(db.Actions, action, ct);
    }

    // Follow-up: description, owner, due date and status. Where it came from does not change. Progress
    // given here that differs from the latest update is a new dated update; none given leaves the updates as
    // they are, so a form or client that does not show progress never wipes it.
    public async Task<ActionItem> UpdateActionAsync(Guid id, int expectedVersion, ActionInput input, CancellationToken ct = default)
    {
        var (action, _) = await entries.LoadAsync<ActionItem>(PmoArea.Governance, PmoAction.Contribute, id, expectedVersion, "change", Register, ct);
        input = Normalise(input) with { MeetingId = null, Decision = null, Risk = null, Issue = null };
        await new ActionInputValidator(db).ValidateAndThrowAsync(input, ct);
        if (ActionStatusNote.Missing(action.Status, input.Status ?? action.Status, input.Progress, action.Progress) is { } missing)
        {
            throw Invalid("progress", missing);
        }

        Apply(action, input);
        if (input.Progress != action.Progress)
        {
            await AddProgressAsync(action, input.Progress, ct);
        }

        await entries.SaveAsync(action.Reference, expectedVersion, ct);
        return action;
    }

    // A dated progress update on its own, without the rest of the follow-up form.
    public async Task<ActionItem> UpdateProgressAsync(Guid id, int expectedVersion, ActionProgressInput input, CancellationToken ct = default)
    {
        var text = Blank(input.Text);
        if (text is null || text.Length > ActionProgressUpdate.TextMaxLength)
        {
            throw Invalid("text", text is null ? "Enter the progress update" : $"The progress update must be {ActionProgressUpdate.TextMaxLength} characters or fewer");
        }

        var (action, _) = await entries.LoadAsync<ActionItem>(PmoArea.Governance, PmoAction.Contribute, id, expectedVersion, "update the progress of", Register, ct);
        await AddProgressAsync(action, text, ct);
        Touch(action);
        await entries.SaveAsync(action.Reference, expectedVersion, ct);
        return action;
    }

    private async Task AddProgressAsync(ActionItem action, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            return;
        }

        db.ActionProgressUpdates.Add(new ActionProgressUpdate
        {
            Id = Guid.CreateVersion7(), ActionId = action.Id, WrittenOn = Today, WrittenById = await ActingPerson.IdAsync(db, who, ct), Text = text,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        action.Progress = text;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private const string Register = "governance records";

    private async Task RefuseDuplicateNameAsync(Guid unitId, string name, Guid? except, CancellationToken ct)
    {
        var lowered = name.ToLowerInvariant();
        if (await db.Boards.AnyAsync(b => b.UnitId == unitId && b.Name.ToLower() == lowered && b.Id != except, ct))
        {
            throw new ValidationException([new ValidationFailure("name", $"This unit already has a board called {name}")]);
        }
    }

    // Children replaced wholesale are not themselves versioned: mark the parent changed so its version moves.
    private void Touch(object parent) => db.Entry(parent).State = db.Entry(parent).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(parent).State;

    private async Task SaveAsync(string name, int expectedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException(name, expectedVersion, expectedVersion + 1);
        }
    }

    // Rows added under a record being changed are left without an id: EF Core takes a row found through a
    // navigation with its key already set for one that exists, updates it, finds nothing and reports a
    // concurrency conflict. Left empty, the key is generated as the row is added.
    private static void Apply(Board board, BoardInput input)
    {
        board.Name = input.Name!;
        board.ChairId = input.ChairId!.Value;
        board.Cadence = input.Cadence!.Value;
        board.TermsOfReference = input.TermsOfReference;
        board.Quorum = input.Quorum;
        var wanted = (input.MemberIds ?? []).Distinct().ToHashSet();
        board.Members.RemoveAll(m => !wanted.Contains(m.PersonId));
        foreach (var person in wanted.Where(p => board.Members.All(m => m.PersonId != p)))
        {
            board.Members.Add(new BoardMember { BoardId = board.Id, PersonId = person });
        }
    }

    // The board's seats: its chair and members.
    private static IReadOnlyCollection<Guid> Seats(Board board) => [.. new[] { board.ChairId }.Concat(board.Members.Select(m => m.PersonId)).Distinct()];

    // A deputy stands in for someone with a seat, not for themselves; only a deputy names whom.
    private static void CheckAttendance(IEnumerable<AttendeeInput> attendees, IReadOnlyCollection<Guid> seats)
    {
        foreach (var a in attendees)
        {
            var problem = a.Capacity == AttendeeCapacity.Deputy
                ? a.DeputyForId is not { } principal ? "Say which chair or member a deputy stands in for (deputyForId)"
                : !seats.Contains(principal) ? $"A deputy stands in for the chair or a member of the board; {principal} is neither"
                : principal == a.PersonId ? "A member cannot be their own deputy"
                : null
                : a.DeputyForId is not null ? "Only a deputy stands in for someone: set their capacity to deputy"
                : null;
            if (problem is not null)
            {
                throw Invalid("attendees", problem);
            }
        }
    }

    private static void Apply(Meeting meeting, MeetingInput input, IReadOnlyCollection<Guid> seats)
    {
        meeting.StartsAt = input.StartsAt!.Value.UtcDateTime;
        meeting.DurationMinutes = input.DurationMinutes!.Value;
        meeting.Location = input.Location;
        meeting.Status = input.Status!.Value;
        meeting.Minutes = input.Minutes;
        if (input.Agenda is { } agenda)
        {
            meeting.Agenda.Clear();
            meeting.Agenda.AddRange(agenda.Select((item, i) => new AgendaItem
            {
                MeetingId = meeting.Id, Position = i + 1, Title = item.Title!, PresenterId = item.PresenterId,
            }));
        }

        if (input.Attendees is { } attendees)
        {
            var wanted = attendees.ToDictionary(a => a.PersonId!.Value);
            meeting.Attendees.RemoveAll(a => !wanted.ContainsKey(a.PersonId));
            foreach (var (person, a) in wanted)
            {
                // Someone already listed keeps what this input leaves out; someone new is invited, in their seat or as a guest.
                var existing = meeting.Attendees.Find(x => x.PersonId == person);
                if (existing is null)
                {
                    existing = new MeetingAttendee
                    {
                        MeetingId = meeting.Id, PersonId = person, Attendance = Attendance.Invited,
                        Capacity = seats.Contains(person) ? AttendeeCapacity.Member : AttendeeCapacity.Guest,
                    };
                    meeting.Attendees.Add(existing);
                }

                existing.Attendance = a.Attendance ?? existing.Attendance;
                if (a.Capacity is { } capacity)
                {
                    existing.Capacity = capacity;
                    existing.DeputyForId = a.DeputyForId;
                }
            }
        }
    }

    private async Task ApplyAsync(Decision decision, RegisterUnit unit, DecisionInput input, CancellationToken ct)
    {
        var boardId = input.BoardId;
        if (input.MeetingId is { } meetingId)
        {
            // Only the unit's own boards' meetings: one elsewhere is not found, whatever it is, so nothing
            // of another unit's governance is told.
            var meeting = await db.Meetings.Where(m => m.Id == meetingId && m.Board!.UnitId == unit.Id).Select(m => new { m.BoardId }).FirstOrDefaultAsync(ct)
                ?? throw Invalid("meetingId", $"No meeting of {unit.Code}'s boards has the id {meetingId}");
            if (boardId is not null && boardId != meeting.BoardId)
            {
                throw Invalid("meetingId", "That meeting is not one of the chosen board's");
            }

            boardId = meeting.BoardId;
        }

        if (boardId is { } board && !await db.Boards.AnyAsync(b => b.Id == board && b.UnitId == unit.Id, ct))
        {
            throw Invalid("boardId", $"{unit.Code} has no board with the id {board}");
        }

        decision.Title = input.Title!;
        decision.Rationale = input.Rationale;
        decision.OptionsConsidered = input.OptionsConsidered;
        decision.DecidedOn = input.DecidedOn!.Value;
        decision.BoardId = boardId;
        decision.MeetingId = input.MeetingId;
        decision.DecidedById = input.DecidedById;

        var links = new List<DecisionLink>();
        foreach (var reference in (input.Links ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim().ToUpperInvariant()).Distinct())
        {
            var (itemId, itemUnit, canonical) = await raid.FindAsync(unit.Path, reference, ct) ?? throw Invalid("links", $"{reference} is not a risk, issue, assumption or dependency in the register of {unit.Code}");
            links.Add(new DecisionLink { DecisionId = decision.Id, ItemId = itemId, UnitId = itemUnit, Reference = canonical });
        }

        decision.Links.RemoveAll(l => links.All(n => n.ItemId != l.ItemId));
        decision.Links.AddRange(links.Where(n => decision.Links.All(l => l.ItemId != n.ItemId)));
    }

    private async Task SetSourceAsync(ActionItem action, RegisterUnit unit, ActionInput input, CancellationToken ct)
    {
        var path = unit.Path;
        if (input.MeetingId is { } meetingId)
        {
            action.MeetingId = await db.Meetings.Where(m => m.Id == meetingId && m.Board!.Unit!.Path.StartsWith(path)).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct)
                ?? throw Invalid("meetingId", $"No meeting of a board of {unit.Code} has the id {meetingId}");
        }
        else if (input.Decision is { } decision)
        {
            var number = EntryReference.Parse(Decision.ReferencePrefix, decision);
            action.DecisionId = await db.Decisions.Where(d => d.Number == number && d.Unit!.Path.StartsWith(path)).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
                ?? throw Invalid("decision", $"{decision} is not a decision in the log of {unit.Code}");
        }
        else if (input.Risk is { } risk)
        {
            var found = await raid.FindRiskAsync(path, risk, ct) ?? throw Invalid("risk", $"{risk} is not a risk in the register of {unit.Code}");
            // A risk's actions mitigate it, so only an open risk takes new ones.
            action.RiskId = found.Status == RiskStatus.Open ? found.Id
                : throw new RecordStateConflictException(found.Status == RiskStatus.Realised
                    ? $"{risk} was realised as an issue; raise the action on that issue instead."
                    : $"{risk} is closed; reopen it before adding actions to it.");
        }
        else if (input.Issue is { } issue)
        {
            var found = await raid.FindIssueAsync(path, issue, ct) ?? throw Invalid("issue", $"{issue} is not an issue in the register of {unit.Code}");
            action.IssueId = found.Status != IssueStatus.Closed ? found.Id : throw new RecordStateConflictException($"{issue} is closed; reopen it before adding actions to it.");
        }
    }

    private void Apply(ActionItem action, ActionInput input)
    {
        action.Description = input.Description!;
        action.OwnerId = input.OwnerId!.Value;
        action.DueOn = input.DueOn!.Value;
        var status = input.Status ?? action.Status;
        if (status != action.Status)
        {
            action.CompletedOn = status == ActionStatus.Done ? Today : null;
        }

        action.Status = status;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private static BoardInput Normalise(BoardInput input) => input with { Name = Blank(input.Name), TermsOfReference = Blank(input.TermsOfReference) };

    private static MeetingInput Normalise(MeetingInput input) => input with
    {
        Location = Blank(input.Location),
        Minutes = Blank(input.Minutes),
        Agenda = input.Agenda?.Where(a => !string.IsNullOrWhiteSpace(a.Title) || a.PresenterId is not null).Select(a => a with { Title = Blank(a.Title) }).ToList(),
    };

    private static DecisionInput Normalise(DecisionInput input) => input with
    {
        Title = Blank(input.Title),
        Rationale = Blank(input.Rationale),
        OptionsConsidered = Blank(input.OptionsConsidered),
    };

    private static ActionInput Normalise(ActionInput input) => input with
    {
        Description = Blank(input.Description),
        Progress = Blank(input.Progress),
        Decision = Blank(input.Decision),
        Risk = Blank(input.Risk),
        Issue = Blank(input.Issue),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

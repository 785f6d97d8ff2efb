using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Each unit's boards, meetings, decisions log and actions log under /api/v1/units/{unit}/. Lists roll up
// everything below the unit; a record is addressed under the unit it belongs to.
public static class GovernanceApi
{
    public static void MapGovernanceApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}").WithTags("Governance")
            .ProducesRecordProblems();

        group.MapGet("/boards", ListBoards).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The boards of a unit and everything below it");
        group.MapPost("/boards", CreateBoard).Requires(PmoArea.Governance, PmoAction.Contribute).WithSummary("Set up a board on this unit: name, chair, members, terms of reference, cadence");
        group.MapGet("/boards/{board:guid}", GetBoard).Requires(PmoArea.Governance, PmoAction.Read).WithName("GetBoard").WithSummary("One board");
        group.MapPut("/boards/{board:guid}", UpdateBoard).Requires(PmoArea.Governance, PmoAction.Contribute).WithSummary("Replace a board's fields and members (If-Match required)");
        group.MapGet("/boards/{board:guid}/history", BoardHistory).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The board's change history, newest first");
        group.MapGet("/meetings", ListMeetings).Requires(PmoArea.Governance, PmoAction.Read)
            .WithSummary("Meetings of the unit's boards and those below: upcoming (from now, soonest first) unless past=true; board narrows to one board");
        group.MapPost("/boards/{board:guid}/meetings", ArrangeMeeting).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Arrange a meeting of the board: startsAt (ISO 8601 with offset), durationMinutes, location, agenda; attendees default to the chair and members");
        group.MapGet("/meetings/{meeting:guid}", GetMeeting).Requires(PmoArea.Governance, PmoAction.Read).WithName("GetMeeting")
            .WithSummary("One meeting: agenda, attendees, minutes, and the decisions and actions recorded at it");
        group.MapGet("/meetings/{meeting:guid}/pack", GetMeetingPack).Requires(PmoArea.Governance, PmoAction.Read)
            .WithSummary("What the board needs for the meeting: actions still open from its last meeting, risks and issues escalated to its unit, key milestones moved since")
            .WithDescription("escalatedRisks and escalatedIssues are null for someone who may not read the unit's RAID log; milestones, for someone who may not read its plans.");
        group.MapPut("/meetings/{meeting:guid}", UpdateMeeting).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Replace a meeting's fields; record it as held with attendance and minutes (If-Match required)")
            .WithDescription("Recording a meeting as held arranges the board's next meeting by its cadence (weekly, fortnightly, monthly, quarterly; same UK time, chair and members invited) unless one is already arranged.");
        group.MapGet("/decisions", ListDecisions).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The decisions log of a unit and everything below it, newest first");
        group.MapGet("/decisions/export", ExportDecisions).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The decisions log as a spreadsheet (format=xlsx or csv)");
        group.MapPost("/decisions", RecordDecision).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Record a decision: by a board (boardId, meetingId) or a person (decidedById), with the RAID items it concerns (links)");
        group.MapGet("/decisions/{reference}", GetDecision).Requires(PmoArea.Governance, PmoAction.Read).WithName("GetDecision").WithSummary("One decision, by reference (DEC-0007)");
        group.MapPut("/decisions/{reference}", UpdateDecision).Requires(PmoArea.Governance, PmoAction.Contribute).WithSummary("Replace a decision's fields and links (If-Match required)");
        group.MapGet("/decisions/{reference}/history", DecisionHistory).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The decision's change history, newest first");
        group.MapGet("/actions", ListActions).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The actions log of a unit and everything below it, soonest due first");
        group.MapGet("/actions/export", ExportActions).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The actions log as a spreadsheet (format=xlsx or csv), under the list's filters");
        group.MapPost("/actions", RaiseAction).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Raise an action: description, owner, due date, and at most one source (meetingId, decision, risk or issue reference)");
        group.MapGet("/actions/{reference}", GetAction).Requires(PmoArea.Governance, PmoAction.Read).WithName("GetAction").WithSummary("One action, by reference (ACT-0012)");
        group.MapPut("/actions/{reference}", UpdateAction).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Follow an action up: description, owner, due date, status (If-Match required); its source does not change")
            .WithDescription("progress, when given and different from the latest update, is recorded as a new dated progress update; left out, the updates stay as they are. Marking it done or cancelled, or reopening it, needs such an update saying what was done or why (400 on progress without one).");
        group.MapPost("/actions/{reference}/progress", UpdateProgress).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Add a dated progress update to an action (body: text; If-Match required); earlier updates are kept");
        group.MapGet("/actions/{reference}/progress", ProgressUpdates).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The action's progress updates, newest first");
        group.MapGet("/actions/{reference}/history", ActionHistory).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("The action's change history, newest first");
    }

    private static async Task<Ok<IReadOnlyList<BoardView>>> ListBoards(string unit, GovernanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.BoardsAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<CreatedAtRoute<BoardView>> CreateBoard(string unit, BoardInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var board = await service.CreateBoardAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetBoard", queries.BoardAsync(found, board.Id, ct), view => new { unit = found.Code, board = view.Id });
    }

    private static async Task<Ok<BoardView>> GetBoard(string unit, Guid board, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        await RegisterEndpoints.GetAsync(http, queries.BoardAsync(await queries.RequireReadableUnitAsync(unit, ct), board, ct));

    private static async Task<Ok<BoardView>> UpdateBoard(string unit, Guid board, BoardInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.ChangeAsync(http, () => queries.BoardAsync(found, board, ct), (id, version) => service.UpdateBoardAsync(id, version, input, ct));
    }

    private static async Task<Ok<CursorPage<HistoryEntry>>> BoardHistory(
        string unit, Guid board, [AsParameters] PageQuery page, GovernanceQueries queries, HistoryQueries history, CancellationToken ct) =>
        await RegisterEndpoints.HistoryAsync(history, queries.BoardAsync(await queries.RequireReadableUnitAsync(unit, ct), board, ct), page, ct);

    private static async Task<Ok<IReadOnlyList<MeetingSummary>>> ListMeetings(
        string unit, GovernanceQueries queries, TimeProvider clock, Guid? board, bool? past, int? limit, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var page = new RegisterPage(limit ?? 50);
        if (page.Limit is < 1 or > RegisterPage.MaxLimit)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("limit", $"Limit must be between 1 and {RegisterPage.MaxLimit}")]);
        }

        return TypedResults.Ok(await queries.MeetingsAsync(found, board, past == true ? null : clock.GetUtcNow().UtcDateTime.AddHours(-12), page.Limit, ct));
    }

    private static async Task<CreatedAtRoute<MeetingView>> ArrangeMeeting(
        string unit, Guid board, MeetingInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.BoardAsync(found, board, ct);
        var meeting = await service.ArrangeMeetingAsync(current.Id, input, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetMeeting", queries.MeetingAsync(found, meeting.Id, ct), view => new { unit = found.Code, meeting = view.Id });
    }

    private static async Task<Ok<MeetingView>> GetMeeting(string unit, Guid meeting, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        await RegisterEndpoints.GetAsync(http, queries.MeetingAsync(await queries.RequireReadableUnitAsync(unit, ct), meeting, ct));

    private static async Task<Ok<MeetingPackView>> GetMeetingPack(string unit, Guid meeting, GovernanceQueries queries, MeetingPack pack, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await pack.ForAsync(found, await queries.MeetingAsync(found, meeting, ct), ct));
    }

    private static async Task<Ok<MeetingView>> UpdateMeeting(
        string unit, Guid meeting, MeetingInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.ChangeAsync(http, () => queries.MeetingAsync(found, meeting, ct), (id, version) => service.UpdateMeetingAsync(id, version, input, ct));
    }

    private static async Task<Ok<CursorPage<DecisionSummary>>> ListDecisions(string unit, Guid? board, [AsParameters] PageQuery page, GovernanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DecisionsAsync(await queries.RequireReadableUnitAsync(unit, ct), board, page.Page, ct));

    private static async Task<IResult> ExportDecisions(string unit, GovernanceQueries queries, TimeProvider clock, string? format, Guid? board, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.DecisionRowsAsync(found, board, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "decisions", "Decisions", spreadsheet, GovernanceSpreadsheets.DecisionColumns, rows, clock, ct);
    }

    private static async Task<CreatedAtRoute<DecisionView>> RecordDecision(string unit, DecisionInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var decision = await service.RecordDecisionAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetDecision", found.Code, queries.DecisionAsync(found, decision.Reference, ct));
    }

    private static Task<Ok<DecisionView>> GetDecision([AsParameters] EntryRoute at, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, ReadDecision(at, queries, ct));

    private static Task<Ok<DecisionView>> UpdateDecision([AsParameters] EntryRoute at, DecisionInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadDecision(at, queries, ct), (id, version) => service.UpdateDecisionAsync(id, version, input, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> DecisionHistory(
        [AsParameters] EntryRoute at, [AsParameters] PageQuery page, GovernanceQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, ReadDecision(at, queries, ct), page, ct);

    private static async Task<DecisionView> ReadDecision(EntryRoute at, GovernanceQueries queries, CancellationToken ct) =>
        await queries.DecisionAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);

    private static async Task<Ok<CursorPage<ActionView>>> ListActions(string unit, [AsParameters] ActionListQuery query, [AsParameters] PageQuery page, GovernanceQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.ActionsAsync(found, query.Filter(), page.Page, ct));
    }

    private static async Task<IResult> ExportActions(string unit, string? format, [AsParameters] ActionListQuery query, GovernanceQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.ActionRowsAsync(found, query.Filter(), ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "actions", "Actions", spreadsheet, GovernanceSpreadsheets.ActionColumns, rows, clock, ct);
    }

    private static async Task<CreatedAtRoute<ActionView>> RaiseAction(string unit, ActionInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var action = await service.RaiseActionAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetAction", found.Code, queries.ActionAsync(found, action.Reference, ct));
    }

    private static Task<Ok<ActionView>> GetAction([AsParameters] EntryRoute at, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, ReadAction(at, queries, ct));

    private static Task<Ok<ActionView>> UpdateAction([AsParameters] EntryRoute at, ActionInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAction(at, queries, ct), (id, version) => service.UpdateActionAsync(id, version, input, ct));

    private static Task<Ok<ActionView>> UpdateProgress([AsParameters] EntryRoute at, ActionProgressInput input, GovernanceService service, GovernanceQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAction(at, queries, ct), (id, version) => service.UpdateProgressAsync(id, version, input, ct));

    private static async Task<Ok<IReadOnlyList<ActionProgressView>>> ProgressUpdates([AsParameters] EntryRoute at, GovernanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ProgressUpdatesAsync((await ReadAction(at, queries, ct)).Id, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> ActionHistory(
        [AsParameters] EntryRoute at, [AsParameters] PageQuery page, GovernanceQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, ReadAction(at, queries, ct), page, ct);

    private static async Task<ActionView> ReadAction(EntryRoute at, GovernanceQueries queries, CancellationToken ct) =>
        await queries.ActionAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

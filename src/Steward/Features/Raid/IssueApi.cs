using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// /units/{unit}/issues: the issue register of a unit and everything below it.
internal static class IssueApi
{
    public const string GetRoute = "GetIssue";

    public static void MapIssues(this RouteGroupBuilder raid)
    {
        raid.MapGet("/issues", List).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The issue register of a unit and everything below it")
            .WithDescription("Filter by status, owner, priority, overdue, escalation and title text; sort; page with limit and cursor.");
        raid.MapGet("/issues/export", Export).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The issue register as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/issues", Raise).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Raise an issue on this unit");
        raid.MapPost("/issues/bulk", Bulk).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Reassign, retarget or close several issues of this unit and below at once: all or none")
            .WithDescription($"Body: references (at most {RaidBulkChange.MaxEntries}), action (reassign, target or close) and the field the action needs: ownerId, targetResolutionDate or reason. Each issue needs the right its step needs where it is held (closing needs approve, and a recorded resolution).");
        raid.MapGet("/issues/{reference}", Get).Requires(PmoArea.Raid, PmoAction.Read).WithName(GetRoute).WithSummary("One issue, by reference (I-0007)");
        raid.MapPut("/issues/{reference}", Update).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace an issue's editable fields (If-Match required)");
        raid.MapPost("/issues/{reference}/close", Close).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Close an issue whose resolution is recorded, with a reason (If-Match required)");
        raid.MapPost("/issues/{reference}/reopen", Reopen).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Reopen a closed issue, with a reason (If-Match required)");
        raid.MapPost("/issues/{reference}/escalate", Escalate).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate an issue one level up the tree, with a reason (If-Match required)");
        raid.MapPost("/issues/{reference}/de-escalate", DeEscalate).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Hand an issue back one level down, with a reason; needs approve where it is held now (If-Match required)");
        raid.MapGet("/issues/{reference}/history", History).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The issue's change history, newest first");
    }

    private static async Task<Ok<CursorPage<IssueSummary>>> List(string unit, [AsParameters] IssueListQuery query, [AsParameters] PageQuery page, IssueQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.IssuesAsync(found, query.Filter(), query.Order, page.Page, ct));
    }

    private static async Task<IResult> Export(string unit, string? format, [AsParameters] IssueListQuery query, IssueQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.IssueRowsAsync(found, query.Filter(), query.Order, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "issues", "Issues", spreadsheet, RaidSpreadsheets.IssueColumns, rows, clock, ct);
    }

    private static async Task<CreatedAtRoute<IssueView>> Raise(string unit, IssueInput input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct)
    {
        var issue = await register.RaiseAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(issue.UnitId.ToString(), ct);
        return await RegisterEndpoints.CreatedAsync(http, GetRoute, found.Code, queries.IssueAsync(found, issue.Reference, ct));
    }

    private static Task<Ok<IssueView>> Get([AsParameters] EntryRoute at, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, Read(at, queries, ct));

    private static Task<Ok<IssueView>> Update([AsParameters] EntryRoute at, IssueInput input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.UpdateAsync(id, version, input, ct));

    private static Task<Ok<IssueView>> Close([AsParameters] EntryRoute at, StatusChangeInput? input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.CloseAsync(id, version, input?.Reason, ct));

    private static Task<Ok<IssueView>> Reopen([AsParameters] EntryRoute at, StatusChangeInput? input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ReopenAsync(id, version, input?.Reason, ct));

    private static Task<Ok<IssueView>> Escalate([AsParameters] EntryRoute at, EscalationInput input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.EscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<IssueView>> DeEscalate([AsParameters] EntryRoute at, EscalationInput input, IssueRegister register, IssueQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.DeEscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, IssueQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, Read(at, queries, ct), page, ct);

    private static async Task<IssueView> Read(EntryRoute at, IssueQueries queries, CancellationToken ct) =>
        await queries.IssueAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);

    private static async Task<Ok<RaidBulkResult>> Bulk(string unit, IssueBulkInput input, IssueBulkChange bulk, CancellationToken ct) =>
        TypedResults.Ok(new RaidBulkResult(await bulk.ApplyAsync(unit, input, ct)));
}

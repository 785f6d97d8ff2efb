using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// /units/{unit}/risks: the risk register of a unit and everything below it.
internal static class RiskApi
{
    private const string GetRoute = "GetRisk";

    public static void MapRisks(this RouteGroupBuilder raid)
    {
        raid.MapGet("/risks", List).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The risk register of a unit and everything below it")
            .WithDescription("Filter by status, owner, score, likelihood and impact, overdue review, escalation and title text; sort; page with limit and cursor.");
        raid.MapGet("/risks/export", Export).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The risk register as a spreadsheet (format=xlsx, the default, or csv): every field of every risk the list's filters match, in its order");
        raid.MapGet("/risks/heat-map", HeatMap).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Risks counted by likelihood × impact, under the register's filters");
        raid.MapPost("/risks", Raise).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Raise a risk on this unit");
        raid.MapPost("/risks/bulk", Bulk).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Reassign, set the next review date of, or close with a reason several risks of this register at once; if any cannot be changed, none is")
            .WithDescription($"Body: references (at most {RiskBulkChange.MaxRisks}), action (reassign, review or close) and the field the action needs: ownerId, nextReviewDate or reason. Each risk needs the right its step needs where it is held (closing needs approve).");
        raid.MapGet("/risks/{reference}", Get).Requires(PmoArea.Raid, PmoAction.Read).WithName(GetRoute).WithSummary("One risk, by reference (R-0042)");
        raid.MapPut("/risks/{reference}", Update).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace a risk's editable fields (If-Match required)");
        raid.MapPost("/risks/{reference}/reviews", Review).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Record a review of an open risk: what it found and the next review date, without editing the rest (If-Match required)");
        raid.MapGet("/risks/{reference}/reviews", Reviews).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The risk's reviews, newest first");
        raid.MapPost("/risks/{reference}/close", Close).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Close an open risk, with a reason (If-Match required)");
        raid.MapPost("/risks/{reference}/realise", Realise).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("The risk has happened: close it as realised, with what happened as the reason, and raise the linked issue (If-Match required)");
        raid.MapPost("/risks/{reference}/reopen", Reopen).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Reopen a closed risk, with a reason (If-Match required)");
        raid.MapPost("/risks/{reference}/escalate", Escalate).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate a risk one level up the tree, with a reason (If-Match required)");
        raid.MapPost("/risks/{reference}/de-escalate", DeEscalate).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Hand a risk back one level down, with a reason; needs approve where it is held now (If-Match required)");
        raid.MapGet("/risks/{reference}/history", History).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The risk's change history, newest first");
    }

    private static async Task<Ok<CursorPage<RiskSummary>>> List(string unit, [AsParameters] RiskListQuery query, [AsParameters] PageQuery page, RiskQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.RisksAsync(found, query.Filter(), query.Order, page.Page, ct));
    }

    private static async Task<IResult> Export(string unit, string? format, [AsParameters] RiskListQuery query, RiskQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.RiskRowsAsync(found, query.Filter(), query.Order, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "risks", "Risks", spreadsheet, RaidSpreadsheets.RiskColumns, rows, clock, ct);
    }

    private static async Task<Ok<HeatMap>> HeatMap(string unit, [AsParameters] RiskHeatMapQuery query, RiskQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.HeatMapAsync(await queries.RequireReadableUnitAsync(unit, ct), query.Filter(), ct));

    private static async Task<CreatedAtRoute<RiskView>> Raise(string unit, RiskInput input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct)
    {
        var risk = await register.RaiseAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(risk.UnitId.ToString(), ct);
        return await RegisterEndpoints.CreatedAsync(http, GetRoute, found.Code, queries.RiskAsync(found, risk.Reference, ct));
    }

    private static async Task<Ok<RaidBulkResult>> Bulk(string unit, RiskBulkInput input, RiskBulkChange bulk, CancellationToken ct) =>
        TypedResults.Ok(new RaidBulkResult(await bulk.ApplyAsync(unit, input, ct)));

    private static Task<Ok<RiskView>> Get([AsParameters] EntryRoute at, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, Read(at, queries, ct));

    private static Task<Ok<RiskView>> Update([AsParameters] EntryRoute at, RiskInput input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.UpdateAsync(id, version, input, ct));

    private static Task<Ok<RiskView>> Review([AsParameters] EntryRoute at, RiskReviewInput input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ReviewAsync(id, version, input, ct));

    private static async Task<Ok<IReadOnlyList<RiskReviewView>>> Reviews([AsParameters] EntryRoute at, RiskQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReviewsAsync((await Read(at, queries, ct)).Id, ct));

    private static Task<Ok<RiskView>> Close([AsParameters] EntryRoute at, StatusChangeInput? input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.CloseAsync(id, version, input?.Reason, ct));

    private static Task<Ok<RiskView>> Reopen([AsParameters] EntryRoute at, StatusChangeInput? input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ReopenAsync(id, version, input?.Reason, ct));

    // Answers with the issue it raised, at that issue's address.
    private static async Task<CreatedAtRoute<IssueView>> Realise([AsParameters] EntryRoute at, StatusChangeInput? input, RiskRegister register, RiskQueries queries, IssueQueries issues, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(at.Unit, ct);
        var risk = await queries.RiskAsync(found, at.Reference, ct);
        var issue = await register.RealiseAsync(risk.Id, EntityTag.RequireIfMatch(http), input?.Reason, ct);
        return await RegisterEndpoints.CreatedAsync(http, IssueApi.GetRoute, found.Code, issues.IssueAsync(found, issue.Reference, ct));
    }

    private static Task<Ok<RiskView>> Escalate([AsParameters] EntryRoute at, EscalationInput input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.EscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<RiskView>> DeEscalate([AsParameters] EntryRoute at, EscalationInput input, RiskRegister register, RiskQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.DeEscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, RiskQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, Read(at, queries, ct), page, ct);

    private static async Task<RiskView> Read(EntryRoute at, RiskQueries queries, CancellationToken ct) =>
        await queries.RiskAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// /units/{unit}/assumptions: what a unit's plans take as true until it is checked.
internal static class AssumptionApi
{
    private const string GetRoute = "GetAssumption";

    public static void MapAssumptions(this RouteGroupBuilder raid)
    {
        raid.MapGet("/assumptions", List).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Assumptions of a unit and everything below it")
            .WithDescription("Filter by status and overdue validation; page with limit and cursor.");
        raid.MapGet("/assumptions/export", Export).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("Assumptions as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/assumptions", Raise).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Record an assumption of this unit");
        raid.MapPost("/assumptions/bulk", Bulk).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Reassign, set the date to validate by, or validate with a reason several assumptions of this unit and below at once: all or none")
            .WithDescription($"Body: references (at most {RaidBulkChange.MaxEntries}), action (reassign, due or validate) and the field the action needs: ownerId, validationDue or reason. Only assumptions still to be validated can be changed.");
        raid.MapGet("/assumptions/{reference}", Get).Requires(PmoArea.Raid, PmoAction.Read).WithName(GetRoute).WithSummary("One assumption, by reference (A-0005)");
        raid.MapPut("/assumptions/{reference}", Update).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace an assumption's fields (If-Match required)");
        raid.MapPost("/assumptions/{reference}/validate", Validate).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Mark an assumption validated, with how it was confirmed as the reason (If-Match required)");
        raid.MapPost("/assumptions/{reference}/invalidate", Invalidate).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Mark an assumption invalid, with what proved it wrong as the reason, and raise the linked issue or risk ({ \"raise\": \"issue\" | \"risk\" }) in the same step (If-Match required)");
        raid.MapPost("/assumptions/{reference}/reopen", Reopen).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Make a validated or invalid assumption unvalidated again, with a reason (If-Match required)");
        raid.MapPost("/assumptions/{reference}/escalate", Escalate).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate an assumption one level up, with a reason (If-Match required)");
        raid.MapPost("/assumptions/{reference}/de-escalate", DeEscalate).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand an assumption back one level down, with a reason (If-Match required)");
        raid.MapGet("/assumptions/{reference}/history", History).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The assumption's change history, newest first");
    }

    private static async Task<Ok<CursorPage<AssumptionView>>> List(string unit, [AsParameters] AssumptionListQuery query, [AsParameters] PageQuery page, AssumptionQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.AssumptionsAsync(found, query.StatusFilter, query.AllStatuses, query.Overdue == true, page.Page, ct));
    }

    private static async Task<IResult> Export(string unit, string? format, [AsParameters] AssumptionListQuery query, AssumptionQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.AssumptionRowsAsync(found, query.StatusFilter, query.AllStatuses, query.Overdue == true, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "assumptions", "Assumptions", spreadsheet, RaidSpreadsheets.AssumptionColumns, rows, clock, ct);
    }

    private static async Task<CreatedAtRoute<AssumptionView>> Raise(string unit, AssumptionInput input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct)
    {
        var assumption = await register.RaiseAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(assumption.UnitId.ToString(), ct);
        return await RegisterEndpoints.CreatedAsync(http, GetRoute, found.Code, queries.AssumptionAsync(found, assumption.Reference, ct));
    }

    private static Task<Ok<AssumptionView>> Get([AsParameters] EntryRoute at, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, Read(at, queries, ct));

    private static Task<Ok<AssumptionView>> Update([AsParameters] EntryRoute at, AssumptionInput input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.UpdateAsync(id, version, input, ct));

    private static Task<Ok<AssumptionView>> Validate([AsParameters] EntryRoute at, StatusChangeInput? input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ValidateAsync(id, version, input?.Reason, ct));

    private static Task<Ok<AssumptionView>> Invalidate([AsParameters] EntryRoute at, InvalidationInput? input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.InvalidateAsync(id, version, input?.Raise, input?.Reason, ct));

    private static Task<Ok<AssumptionView>> Reopen([AsParameters] EntryRoute at, StatusChangeInput? input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ReopenAsync(id, version, input?.Reason, ct));

    private static Task<Ok<AssumptionView>> Escalate([AsParameters] EntryRoute at, EscalationInput input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.EscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<AssumptionView>> DeEscalate([AsParameters] EntryRoute at, EscalationInput input, AssumptionRegister register, AssumptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.DeEscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, AssumptionQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, Read(at, queries, ct), page, ct);

    private static async Task<AssumptionView> Read(EntryRoute at, AssumptionQueries queries, CancellationToken ct) =>
        await queries.AssumptionAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);

    private static async Task<Ok<RaidBulkResult>> Bulk(string unit, AssumptionBulkInput input, AssumptionBulkChange bulk, CancellationToken ct) =>
        TypedResults.Ok(new RaidBulkResult(await bulk.ApplyAsync(unit, input, ct)));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// /units/{unit}/dependencies: what a unit and those below it need from others, and provide to them.
internal static class DependencyApi
{
    private const string GetRoute = "GetDependency";

    public static void MapDependencies(this RouteGroupBuilder raid)
    {
        raid.MapGet("/dependencies", List).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Dependencies of a unit and everything below it, on either side")
            .WithDescription("Filter by direction, status, lateness and escalation; page with limit and cursor.");
        raid.MapGet("/dependencies/export", Export).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("Dependencies as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/dependencies", Raise).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Record what this unit needs from another unit or an outside party");
        raid.MapGet("/dependencies/{reference}", Get).Requires(PmoArea.Raid, PmoAction.Read).WithName(GetRoute).WithSummary("One dependency, by reference (D-0003)");
        raid.MapPost("/dependencies/bulk", Bulk).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Reassign, re-date or mark delivered several dependencies needed by this unit and below at once: all or none")
            .WithDescription($"Body: references (at most {RaidBulkChange.MaxEntries}), action (reassign, needed or deliver) and the field the action needs: ownerId, neededBy or reason. Only open dependencies can be changed.");
        raid.MapPut("/dependencies/{reference}", Update).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Replace a dependency's fields (If-Match required); status moves only between proposed, agreed and at risk here")
            .WithDescription("Delivered and broken are steps with a reason: POST …/deliver or …/break, and …/reopen to undo either.");
        raid.MapPost("/dependencies/{reference}/deliver", Deliver).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Mark an open dependency delivered, with a reason (If-Match required)");
        raid.MapPost("/dependencies/{reference}/break", Break).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Mark an open dependency broken (it will not come), with a reason (If-Match required)");
        raid.MapPost("/dependencies/{reference}/reopen", Reopen).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Reopen a delivered or broken dependency, with a reason (If-Match required)");
        raid.MapPost("/dependencies/{reference}/escalate", Escalate).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate a dependency one level up, with a reason (If-Match required)");
        raid.MapPost("/dependencies/{reference}/de-escalate", DeEscalate).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand a dependency back one level down, with a reason (If-Match required)");
        raid.MapGet("/dependencies/{reference}/history", History).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The dependency's change history, newest first");
    }

    private static async Task<Ok<CursorPage<DependencyView>>> List(string unit, [AsParameters] DependencyListQuery query, [AsParameters] PageQuery page, DependencyQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.DependenciesAsync(found, query.Filter(), page.Page, ct));
    }

    private static async Task<IResult> Export(string unit, string? format, [AsParameters] DependencyListQuery query, DependencyQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.DependencyRowsAsync(found, query.Filter(), ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "dependencies", "Dependencies", spreadsheet, RaidSpreadsheets.DependencyColumns, rows, clock, ct);
    }

    private static async Task<CreatedAtRoute<DependencyView>> Raise(string unit, DependencyInput input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct)
    {
        var dependency = await register.RaiseAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(dependency.UnitId.ToString(), ct);
        return await RegisterEndpoints.CreatedAsync(http, GetRoute, found.Code, queries.DependencyAsync(found, dependency.Reference, ct));
    }

    private static Task<Ok<DependencyView>> Get([AsParameters] EntryRoute at, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, Read(at, queries, ct));

    private static Task<Ok<DependencyView>> Update([AsParameters] EntryRoute at, DependencyInput input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.UpdateAsync(id, version, input, ct));

    private static Task<Ok<DependencyView>> Deliver([AsParameters] EntryRoute at, StatusChangeInput? input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.DeliverAsync(id, version, input?.Reason, ct));

    private static Task<Ok<DependencyView>> Break([AsParameters] EntryRoute at, StatusChangeInput? input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.BreakAsync(id, version, input?.Reason, ct));

    private static Task<Ok<DependencyView>> Reopen([AsParameters] EntryRoute at, StatusChangeInput? input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.ReopenAsync(id, version, input?.Reason, ct));

    private static async Task<Ok<RaidBulkResult>> Bulk(string unit, DependencyBulkInput input, DependencyBulkChange bulk, CancellationToken ct) =>
        TypedResults.Ok(new RaidBulkResult(await bulk.ApplyAsync(unit, input, ct)));

    private static Task<Ok<DependencyView>> Escalate([AsParameters] EntryRoute at, EscalationInput input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.EscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<DependencyView>> DeEscalate([AsParameters] EntryRoute at, EscalationInput input, DependencyRegister register, DependencyQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => Read(at, queries, ct), (id, version) => register.DeEscalateAsync(id, version, input.Reason, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, DependencyQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, Read(at, queries, ct), page, ct);

    private static async Task<DependencyView> Read(EntryRoute at, DependencyQueries queries, CancellationToken ct) =>
        await queries.DependencyAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

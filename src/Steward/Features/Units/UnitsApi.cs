using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Units;

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Delivery units")
            .ProducesRecordProblems();

        units.MapGet("/", List).AnySignedIn().WithSummary("List delivery units")
            .WithDescription("Filter by parent, kind, stage, status and text; sort; page with limit and cursor.");
        units.MapGet("/{unit}", Get).WithSummary("Get one unit by id or code").WithName("GetUnit").Requires(PmoArea.Delivery, PmoAction.Read);
        units.MapPost("/", Create).WithSummary("Create a portfolio, programme or project").Requires(PmoArea.Delivery, PmoAction.Contribute);
        units.MapPut("/{unit}", Update).WithSummary("Replace a unit's editable fields (If-Match required)").Requires(PmoArea.Delivery, PmoAction.Contribute);
        units.MapPost("/{unit}/move", Move).WithSummary("Move a unit under another parent (If-Match required)").Requires(PmoArea.Delivery, PmoAction.Approve);
        units.MapPost("/{unit}/close", Close).WithSummary("Close a unit whose children are all closed (If-Match required)").Requires(PmoArea.Delivery, PmoAction.Approve);
        units.MapPost("/{unit}/archive", Archive).WithSummary("Archive a closed unit (If-Match required)").Requires(PmoArea.Delivery, PmoAction.Approve);
        units.MapGet("/{unit}/history", History).WithSummary("The unit's change history, newest first (limit, cursor)").Requires(PmoArea.Delivery, PmoAction.Read);
        return units;
    }

    private static async Task<Ok<CursorPage<UnitSummary>>> List(
        [AsParameters] UnitListParameters filter, [AsParameters] PageQuery page, UnitQueries queries, UnitDates dates, CancellationToken ct)
    {
        var found = await queries.ListAsync(await filter.QueryAsync(queries, page, ct), ct);
        return TypedResults.Ok(found with { Items = await dates.ApplyAsync(found.Items, ct) });
    }

    private static Task<Ok<CursorPage<HistoryEntry>>> History(string unit, UnitQueries queries, HistoryQueries history, [AsParameters] PageQuery page, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, queries.RequireAsync(unit, ct), page, ct);

    private static async Task<Ok<UnitView>> Get(string unit, UnitQueries queries, UnitDates dates, HttpContext http, CancellationToken ct) =>
        await RegisterEndpoints.GetAsync(http, dates.ApplyAsync(await queries.RequireAsync(unit, ct), ct));

    private static async Task<CreatedAtRoute<UnitView>> Create(CreateUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct)
    {
        var created = await service.CreateAsync(input, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetUnit", ReadAsync(), view => new { unit = view.Id });

        async Task<UnitView> ReadAsync() => (await queries.GetAsync(created.Id, ct))!;
    }

    private static Task<Ok<UnitView>> Update(string unit, UpdateUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.UpdateAsync(id, version, input, ct), ct);

    private static Task<Ok<UnitView>> Move(string unit, MoveUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.MoveAsync(id, version, input.ParentId, ct), ct);

    private static Task<Ok<UnitView>> Close(string unit, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.CloseAsync(id, version, ct), ct);

    private static Task<Ok<UnitView>> Archive(string unit, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.ArchiveAsync(id, version, ct), ct);

    // Not RegisterEndpoints.ChangeAsync, which reads the record again as addressed: a unit is read again by
    // id, since an update may give it a new code and a move may take it out of the caller's sight.
    private static async Task<Ok<UnitView>> Change(
        string unit, UnitQueries queries, HttpContext http, Func<Guid, int, Task<DeliveryUnit>> change, CancellationToken ct)
    {
        var current = await queries.RequireAsync(unit, ct);
        var expected = EntityTag.RequireIfMatch(http);
        await change(current.Id, expected);
        var view = (await queries.GetAsync(current.Id, ct))!;
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }
}

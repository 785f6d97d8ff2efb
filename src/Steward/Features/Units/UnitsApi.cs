using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Units;

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Delivery units")
            .ProducesRecordProblems();

        units.MapGet("/", List).AnySignedIn().WithSummary("List delivery units")
            .WithDescription("Filter by parent (id or code), kind, stage, status and q (text in the code or name); sort by code, name or updatedAt (prefix '-' for descending); page with limit (1-500, default 50) and cursor.");
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
        UnitQueries queries, UnitDates dates, string? parent, string? kind, string? stage, string? status, string? q,
        string? sort, int? limit, string? cursor, CancellationToken ct)
    {
        var (sortBy, descending) = ParseSort(sort);
        var query = new UnitListQuery(
            ParentId: parent is null ? null : await ParentIdAsync(queries, parent, ct),
            Kind: EnumText.ParseOptional<UnitKind>("kind", kind),
            Stage: EnumText.ParseOptional<LifecycleStage>("stage", stage),
            Status: EnumText.ParseOptional<UnitStatus>("status", status),
            Text: q,
            Sort: sortBy,
            Descending: descending,
            Limit: limit ?? 50,
            Cursor: cursor);
        var page = await queries.ListAsync(query, ct);
        return TypedResults.Ok(page with { Items = await dates.ApplyAsync(page.Items, ct) });
    }

    private static async Task<Ok<CursorPage<HistoryEntry>>> History(string unit, UnitQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var found = await queries.RequireAsync(unit, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: found.Id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static async Task<Ok<UnitView>> Get(string unit, UnitQueries queries, UnitDates dates, HttpContext http, CancellationToken ct)
    {
        var view = await dates.ApplyAsync(await queries.RequireAsync(unit, ct), ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<CreatedAtRoute<UnitView>> Create(CreateUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct)
    {
        var created = await service.CreateAsync(input, ct);
        var view = (await queries.GetAsync(created.Id, ct))!;
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetUnit", new { unit = view.Id });
    }

    private static Task<Ok<UnitView>> Update(string unit, UpdateUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.UpdateAsync(id, version, input, ct), ct);

    private static Task<Ok<UnitView>> Move(string unit, MoveUnit input, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.MoveAsync(id, version, input.ParentId, ct), ct);

    private static Task<Ok<UnitView>> Close(string unit, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.CloseAsync(id, version, ct), ct);

    private static Task<Ok<UnitView>> Archive(string unit, UnitService service, UnitQueries queries, HttpContext http, CancellationToken ct) =>
        Change(unit, queries, http, (id, version) => service.ArchiveAsync(id, version, ct), ct);

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

    // An unknown parent in a filter is a mistake in the query, not a missing resource.
    private static async Task<Guid> ParentIdAsync(UnitQueries queries, string parent, CancellationToken ct)
    {
        try
        {
            return (await queries.RequireAsync(parent, ct)).Id;
        }
        catch (RecordNotFoundException)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("parent", $"No unit has the code or id {parent}")]);
        }
    }

    private static (UnitSort Sort, bool Descending) ParseSort(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return (UnitSort.Code, false);
        }

        var descending = sort.StartsWith('-');
        var sortBy = EnumText.ParseOptional<UnitSort>("sort", sort.TrimStart('-', '+')) ?? UnitSort.Code;
        return (sortBy, descending);
    }
}

using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.History;

namespace Steward.Infrastructure.Registers;

// What the API answers about one record: enough for its ETag and its history.
public interface IVersionedView
{
    Guid Id { get; }

    int Version { get; }
}

// A register entry addressed by its reference (/risks/R-0042).
public interface IEntryView : IVersionedView
{
    string Reference { get; }
}

// /units/{unit}/risks/{reference}: where every register entry is addressed.
public readonly record struct EntryRoute(
    [property: FromRoute(Name = "unit"), Description("The unit whose register holds the entry: its code (DPP-PRJ-001) or id.")] string Unit,
    [property: FromRoute(Name = "reference"), Description("The entry's reference (R-0042); the number alone will do.")] string Reference);

// ?limit=&cursor= on every register list.
public sealed class PageQuery
{
    [FromQuery(Name = "limit"), Description("Rows on a page, 1-500; default 50.")]
    public int? Limit { get; init; }

    [FromQuery(Name = "cursor"), Description("The nextCursor of the page before; leave out for the first page.")]
    public string? Cursor { get; init; }

    public RegisterPage Page => new(Limit ?? 50, Cursor);
}

// The shapes every register's entry endpoints share: an entry answered with its ETag, a new one with
// its address (201), a change against the version in If-Match, and the entry's history.
public static class RegisterEndpoints
{
    public static async Task<Ok<TView>> GetAsync<TView>(HttpContext http, Task<TView> read)
        where TView : IVersionedView
    {
        var view = await read;
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    // routeName: the get endpoint's name, for the Location header.
    public static Task<CreatedAtRoute<TView>> CreatedAsync<TView>(HttpContext http, string routeName, string unitCode, Task<TView> read)
        where TView : IEntryView => CreatedAsync(http, routeName, read, view => new { unit = unitCode, reference = view.Reference });

    // routeValues: the new record's address, from its view ({ unit, board = view.Id }).
    public static async Task<CreatedAtRoute<TView>> CreatedAsync<TView>(HttpContext http, string routeName, Task<TView> read, Func<TView, object> routeValues)
        where TView : IVersionedView
    {
        var view = await read;
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, routeName, routeValues(view));
    }

    // Reads the entry (so one the actor may not see is not found), applies the change against the
    // version in If-Match, and answers with the entry as it now is.
    public static Task<Ok<TView>> ChangeAsync<TView>(HttpContext http, Func<Task<TView>> read, Func<Guid, int, Task> change)
        where TView : IVersionedView =>
        ChangeAsync(http, read, (current, version) => change(current.Id, version), v => v.Version);

    // For records whose view is not an IVersionedView (a plan's settings, a task known by its number).
    public static async Task<Ok<TView>> ChangeAsync<TView>(HttpContext http, Func<Task<TView>> read, Func<TView, int, Task> change, Func<TView, int> versionOf)
    {
        var current = await read();
        await change(current, EntityTag.RequireIfMatch(http));
        var view = await read();
        EntityTag.Write(http, versionOf(view));
        return TypedResults.Ok(view);
    }

    public static async Task<Ok<CursorPage<HistoryEntry>>> HistoryAsync<TView>(HistoryQueries history, Task<TView> read, PageQuery page, CancellationToken ct)
        where TView : IVersionedView =>
        TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: (await read).Id, Limit: page.Limit ?? 50, Before: HistoryQueries.ParseCursor(page.Cursor)), ct));
}

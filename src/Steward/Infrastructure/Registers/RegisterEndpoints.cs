using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.History;

namespace Steward.Infrastructure.Registers;

// What the API answers about one register entry: enough for its ETag and its address.
public interface IEntryView
{
    Guid Id { get; }

    string Reference { get; }

    int Version { get; }
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
        where TView : IEntryView
    {
        var view = await read;
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    // routeName: the get endpoint's name, for the Location header.
    public static async Task<CreatedAtRoute<TView>> CreatedAsync<TView>(HttpContext http, string routeName, string unitCode, Task<TView> read)
        where TView : IEntryView
    {
        var view = await read;
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, routeName, new { unit = unitCode, reference = view.Reference });
    }

    // Reads the entry (so one the actor may not see is not found), applies the change against the
    // version in If-Match, and answers with the entry as it now is.
    public static async Task<Ok<TView>> ChangeAsync<TView>(HttpContext http, Func<Task<TView>> read, Func<Guid, int, Task> change)
        where TView : IEntryView
    {
        var current = await read();
        await change(current.Id, EntityTag.RequireIfMatch(http));
        return await GetAsync(http, read());
    }

    public static async Task<Ok<CursorPage<HistoryEntry>>> HistoryAsync<TView>(HistoryQueries history, Task<TView> read, PageQuery page, CancellationToken ct)
        where TView : IEntryView =>
        TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: (await read).Id, Limit: page.Limit ?? 50, Before: HistoryQueries.ParseCursor(page.Cursor)), ct));
}

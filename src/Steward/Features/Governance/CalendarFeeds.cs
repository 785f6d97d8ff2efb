using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;

namespace Steward.Features.Governance;

// /calendar/{secret}.ics for calendar programs (they cannot sign in, so the address is the key), and
// /api/v1/units/{unit}/calendar-feeds for making and revoking addresses.
public static class CalendarFeeds
{
    public static void MapCalendarFeeds(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        app.MapGet("/calendar/{secret}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        var feeds = api.MapGroup("/units/{unit}/calendar-feeds").WithTags("Governance");
        feeds.MapGet("", ListMine).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("Your calendar addresses for this unit (the secret itself is shown only once)");
        feeds.MapPost("", Create).Requires(PmoArea.Governance, PmoAction.Read)
            .WithSummary("Make a private iCalendar address for the unit's board meetings and action due dates; the response holds the address, shown only this once");
        feeds.MapDelete("/{id:guid}", Revoke).Requires(PmoArea.Governance, PmoAction.Read).WithSummary("Revoke one of your calendar addresses; it stops answering at once");
    }

    public static string UrlFor(HttpRequest request, string secret) => $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{secret}.ics";

    private static async Task<IResult> Feed(string secret, GovernanceCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var body = await calendar.RenderAsync(secret, ct);
        if (body is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(body, "text/calendar; charset=utf-8");
    }

    private static async Task<Ok<IReadOnlyList<CalendarFeedView>>> ListMine(string unit, GovernanceQueries queries, GovernanceCalendar calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.MineAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Created<NewCalendarFeed>> Create(string unit, GovernanceCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var (feed, secret) = await calendar.CreateAsync(unit, ct);
        return TypedResults.Created($"/api/v1/units/{unit}/calendar-feeds", new NewCalendarFeed(feed.Id, UrlFor(http.Request, secret), feed.Prefix));
    }

    private static async Task<NoContent> Revoke(string unit, Guid id, GovernanceQueries queries, GovernanceCalendar calendar, CancellationToken ct)
    {
        await calendar.RevokeAsync(await queries.RequireReadableUnitAsync(unit, ct), id, ct);
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Access;

// Enforces access before any handler runs, for pages and API alike. Everything needs a signed-in
// person unless it says [AllowAnonymous] (pages redirect to sign-in, the API answers 401); then each
// endpoint's [Requires] is checked, so that someone without the right is refused (403) before any
// validation can tell them anything, and a unit they may not see is simply not found (404). Services
// check again, which is what covers the command line. Done here rather than as an authorisation
// policy on every endpoint, which measurably cost more per request.
public static class AccessMiddleware
{
    public static IApplicationBuilder UseUnitAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        var refusal = await RefusalAsync(context, endpoint);
        if (refusal is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    });

    private static async ValueTask<int?> RefusalAsync(HttpContext context, Endpoint endpoint)
    {
        var writing = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
        var requires = (writing ? PostRequiresAttribute.For(endpoint, context.Request) : null) ?? endpoint.Metadata.GetMetadata<RequiresAttribute>();
        if (requires is null && !writing)
        {
            return null;
        }

        var policy = context.RequestServices.GetRequiredService<AccessPolicy>();
        if (writing && policy.IsReadOnly)
        {
            return StatusCodes.Status403Forbidden;
        }

        if (requires is null)
        {
            return null;
        }

        var ct = context.RequestAborted;
        if ((context.GetRouteValue("unit") ?? context.GetRouteValue("code")) is string unitKey)
        {
            var db = context.RequestServices.GetRequiredService<StewardDbContext>();
            var path = (await context.RequestServices.GetRequiredService<UnitPaths>().FindAsync(db, unitKey, ct))?.Path;
            if (path is null)
            {
                return null; // the handler says what is not found, and how
            }

            if (!await policy.CanSeeAsync(path, ct))
            {
                if (await OwnsAsync(context, endpoint, ct))
                {
                    return null;
                }

                // The API answers exactly as it does for a code that does not exist, so that nobody can
                // find out which codes exist outside what they may see.
                return context.Request.Path.StartsWithSegments("/api") ? throw new RecordNotFoundException("unit", unitKey) : StatusCodes.Status404NotFound;
            }

            return await policy.CanAsync(requires.Area, requires.Action, path, ct) || await OwnsAsync(context, endpoint, ct) ? null : StatusCodes.Status403Forbidden;
        }

        var allowed = requires.WholeDepartment
            ? await policy.CanAsync(requires.Area, requires.Action, null, ct)
            : await policy.CanAnywhereAsync(requires.Area, requires.Action, ct);
        return allowed ? null : StatusCodes.Status403Forbidden;
    }

    // The record's owner, where the endpoint lets owners in ([OwnerMay]): asked only once roles have refused.
    private static async ValueTask<bool> OwnsAsync(HttpContext context, Endpoint endpoint, CancellationToken ct)
    {
        if (endpoint.Metadata.GetMetadata<OwnerMayAttribute>() is not { } ownerMay)
        {
            return false;
        }

        var services = context.RequestServices;
        var person = await People.ActingPerson.IdAsync(services.GetRequiredService<StewardDbContext>(), services.GetRequiredService<History.ChangeContext>(), ct);
        return person is { } id && await ((IRecordOwners)services.GetRequiredService(ownerMay.Owners)).OwnsAsync(context.Request.RouteValues, id, ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Access;

// Enforces each endpoint's [Requires] before its handler runs, for pages and API alike, so that someone
// without the right is refused (403) before any validation can tell them anything, and a unit they may
// not see is simply not found (404). Services check again, which is what covers the command line.
public static class AccessMiddleware
{
    public static IApplicationBuilder UseUnitAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var refusal = await RefusalAsync(context);
        if (refusal is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    });

    private static async ValueTask<int?> RefusalAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var policy = context.RequestServices.GetRequiredService<AccessPolicy>();
        var writing = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
        if (writing && policy.IsReadOnly)
        {
            return StatusCodes.Status403Forbidden;
        }

        if (endpoint.Metadata.GetMetadata<RequiresAttribute>() is not { } requires)
        {
            return null;
        }

        var ct = context.RequestAborted;
        if ((context.GetRouteValue("unit") ?? context.GetRouteValue("code")) is string unitKey)
        {
            var db = context.RequestServices.GetRequiredService<StewardDbContext>();
            var path = await context.RequestServices.GetRequiredService<UnitPaths>().FindAsync(db, unitKey, ct);
            if (path is null)
            {
                return null; // the handler says what is not found, and how
            }

            if (!await policy.CanSeeAsync(path, ct))
            {
                return StatusCodes.Status404NotFound;
            }

            return await policy.CanAsync(requires.Area, requires.Action, path, ct) ? null : StatusCodes.Status403Forbidden;
        }

        var allowed = requires.WholeDepartment
            ? await policy.CanAsync(requires.Area, requires.Action, null, ct)
            : await policy.CanAnywhereAsync(requires.Area, requires.Action, ct);
        return allowed ? null : StatusCodes.Status403Forbidden;
    }
}

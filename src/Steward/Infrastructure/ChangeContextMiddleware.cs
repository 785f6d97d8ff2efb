using Steward.Features.Accounts;
using Steward.Features.History;

namespace Steward.Infrastructure;

public static class ChangeContextMiddleware
{
    // The signed-in person, by name and e-mail; "anonymous" while a change can still be made without signing in.
    public static IApplicationBuilder UseChangeContext(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var who = context.RequestServices.GetRequiredService<ChangeContext>();
        who.Channel = context.Request.Path.StartsWithSegments("/api") ? ChangeChannel.Api : ChangeChannel.Web;
        who.Actor = context.User.Identity?.IsAuthenticated == true
            ? $"{context.User.FindFirst(StewardClaimsFactory.DisplayName)?.Value} ({context.User.Identity.Name})"
            : "anonymous";
        return next(context);
    });
}

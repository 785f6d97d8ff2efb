using System.Security.Claims;
using Steward.Features.Accounts;
using Steward.Features.History;
using Steward.Features.Tokens;

namespace Steward.Infrastructure;

public static class ChangeContextMiddleware
{
    // Who is acting: the signed-in account (and the token, when it came through one), for the history
    // and for access checks. Anonymous requests act as nobody and may do nothing but sign in.
    public static IApplicationBuilder UseChangeContext(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var who = context.RequestServices.GetRequiredService<ChangeContext>();
        var user = context.User;
        who.Channel = context.Request.Path.StartsWithSegments("/api") ? ChangeChannel.Api : ChangeChannel.Web;
        who.IsOperator = false;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            who.UserId = userId;
            who.IsReadOnly = user.FindFirstValue(BearerTokenHandler.ReadOnlyClaim) == "true";
            who.DescribeActor = () => $"{user.FindFirstValue(StewardClaimsFactory.DisplayName)} ({user.Identity.Name})"
                + (user.FindFirstValue(BearerTokenHandler.TokenNameClaim) is { } token ? $" with token {token}" : string.Empty);
        }
        else
        {
            who.Actor = "anonymous";
        }

        return next(context);
    });
}

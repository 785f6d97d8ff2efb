using Steward.Features.History;

namespace Steward.Infrastructure;

public static class ChangeContextMiddleware
{
    // Until accounts arrive every web and API change is recorded as anonymous, with its channel.
    public static IApplicationBuilder UseChangeContext(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var who = context.RequestServices.GetRequiredService<ChangeContext>();
        who.Channel = context.Request.Path.StartsWithSegments("/api") ? ChangeChannel.Api : ChangeChannel.Web;
        who.Actor = "anonymous";
        return next(context);
    });
}

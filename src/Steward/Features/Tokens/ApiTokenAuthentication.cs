namespace Steward.Features.Tokens;

// Who is calling. An API request that carries an Authorization header is authenticated here, by the
// bearer handler's own rules but without ASP.NET Core's per-request machinery for it: the policy scheme
// that picks cookie or token, its forwarding to the bearer scheme, and the two handler instances (each
// with its logger, taken from the logger factory under a lock). Measured, that machinery was about a
// tenth of the CPU of a GET /api/v1/units/{id}. A token that fails leaves the request anonymous, so the
// access middleware's challenge answers 401 through the bearer scheme exactly as before. Everything else
// (pages, the session cookie on the API) goes through ASP.NET Core authentication unchanged.
public static class ApiTokenAuthentication
{
    // The mark UseAuthentication leaves on the pipeline it is called on. Called only inside the branch
    // below, it leaves it on the branch alone, and the web host, seeing no mark on the application, adds an
    // authentication middleware of its own ahead of everything: every request was authenticated twice,
    // the API token through the whole handler machinery this class exists to avoid.
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseStewardAuthentication(this IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        app.UseWhen(context => !CarriesApiToken(context), other => other.UseAuthentication());
        app.UseWhen(CarriesApiToken, api => api.Use(async (context, next) =>
        {
            var tokens = context.RequestServices.GetRequiredService<TokenService>();
            var result = await BearerTokenHandler.AuthenticateAsync(context.Request.Headers.Authorization, tokens, context.RequestAborted);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }

            await next(context);
        }));
        return app;
    }

    private static bool CarriesApiToken(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 && context.Request.Path.StartsWithSegments("/api");
}

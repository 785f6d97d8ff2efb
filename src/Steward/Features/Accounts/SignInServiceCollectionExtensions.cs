using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Steward.Features.Tokens;

namespace Steward.Features.Accounts;

public static class SignInServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddStewardSignIn(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(StewardUser), services).AddSignInManager();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Session cookie, or an API token on /api", o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        // Signing in is required everywhere but [AllowAnonymous] endpoints; AccessMiddleware enforces it.
        services.AddAuthorization();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "steward_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            // Idle and absolute limits, and sign-out, disabling and password resets ending it at once.
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionLifetime.OnSigningIn;
            o.Events.OnValidatePrincipal = SessionLifetime.OnValidatePrincipal;
            // The API answers with status codes; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<SessionLifetime>().BindConfiguration(SessionLifetime.Section);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SessionLifetime>, IConfiguration>((o, lifetime, configuration) =>
            {
                o.ExpireTimeSpan = TimeSpan.FromMinutes(lifetime.Value.IdleMinutes);
                if (configuration.GetValue<bool>("Https:Hsts"))
                {
                    o.Cookie.Name = Infrastructure.HttpsOnlyCookies.Name(o.Cookie.Name!, httpsOnly: true);
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.Path = "/";
                }
            });

        // Password guessing is slowed per address on top of the per-account lockout.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("SignIn:AttemptsPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
        return services;
    }

    public const string CookieOrToken = "steward";

    // The API takes a token, or the session cookie from Steward's own pages; never the cookie on a
    // request another site's page made, so a page elsewhere cannot use a signed-in browser against it.
    private static string SchemeFor(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return IdentityConstants.ApplicationScheme;
        }

        if (context.Request.Headers.Authorization.Count > 0 || IsCrossSite(context.Request))
        {
            return BearerTokenHandler.SchemeName;
        }

        return IdentityConstants.ApplicationScheme;
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "cross-site" or "same-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;
using Steward.Data;
using Steward.Infrastructure.Modules;
using Steward.Features.Access;
using Steward.Features.Accounts;
using Steward.Features.People;
using Steward.Features.Tokens;
using Steward.Features.Units;

using Steward.Infrastructure.Registers;

namespace Steward.Infrastructure;

// The web host: Razor Pages UI, /api/v1, OpenAPI, health. Feature folders add themselves in MapFeatures.
public static class StewardWebHost
{
    public static WebApplication Build(string[] hostArgs, IDictionary<string, string?> commandLine)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddStewardSources(commandLine);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes;
            k.AddServerHeader = false;
        });

        var services = builder.Services;
        services.AddStewardCore(builder.Configuration);
        services.AddHostedService<Steward.Features.Access.AccessChangeListener>();
        services.AddHostedService<CommittedChangesListener>();
        services.AddHostedService<Steward.Features.History.Digests.DigestSchedule>();
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddStewardSignIn();
        var httpsOnly = builder.Configuration.GetValue<bool>("Https:Hsts");
        services.AddAntiforgery(o => EssentialCookie(o.Cookie, "steward_antiforgery", httpsOnly));
        services.Configure<CookieTempDataProviderOptions>(o => EssentialCookie(o.Cookie, "steward_notice", httpsOnly));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Steward API";
            document.Info.Description = "The PMO's single source of truth: delivery units and, as they arrive, every register.";
            return Task.CompletedTask;
        }).DescribeUnitParameter());
        services.AddHealthChecks().AddDbContextCheck<StewardDbContext>("database", tags: ["ready"]);

        var app = builder.Build();
        if (app.Configuration.GetValue<bool>("Proxy:TrustForwardedHeaders"))
        {
            // Behind a load balancer or reverse proxy that the operator runs, names and trusts.
            app.UseForwardedHeaders(ProxyTrust.From(app.Configuration));
        }

        if (app.Configuration.GetValue<bool>("Https:Hsts"))
        {
            app.UseHsts();
        }

        // A refusal a page did not turn into a form error still gets its own status and error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = e => e switch
            {
                AccessDeniedException => StatusCodes.Status403Forbidden,
                RecordNotFoundException => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), ui => ui.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseSecurityHeaders();
        app.UseApiReferenceLanguage();
        app.UseStaticFiles();
        app.UseEmptyQueryValuesAsUnset();
        app.UseRouting();
        app.UseRequestBodyLimit();
        app.UseStewardAuthentication();
        app.UseRateLimiter();
        app.UseChangeContext();
        app.UseAuthorization();
        app.UseUnitAccess();

        app.MapRazorPages();
        var api = app.MapGroup("/api/v1");
        api.MapUnitsApi();
        api.MapPeopleApi();
        api.MapRolesApi();
        app.MapStewardModules(api);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(ApiReferencePage.Path, o => o.WithTitle("Steward API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts().WithCustomCss(ApiReferencePage.ContrastCss).ForceLightMode()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    // HttpOnly and same-site always; Secure whenever the request came over HTTPS (directly or via a trusted proxy).
    private static void EssentialCookie(CookieBuilder cookie, string name, bool httpsOnly)
    {
        cookie.Name = HttpsOnlyCookies.Name(name, httpsOnly);
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
        cookie.IsEssential = true;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

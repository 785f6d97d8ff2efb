namespace Steward.Infrastructure;

public static class SecurityHeaders
{
    // No inline script or style anywhere in Steward's own pages. The third-party API reference at
    // /api/docs needs inline script and styles, so it has a policy of its own; neither reaches another host.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // Answers and exports name people and registers: never kept by a browser or a shared cache.
            headers.CacheControl = "no-store";
        }

        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePage.Path)
            ? ApiReferencePage.ContentSecurityPolicy
            : ContentSecurityPolicy;
        return next(context);
    });
}

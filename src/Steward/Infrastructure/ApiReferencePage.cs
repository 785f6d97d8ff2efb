using System.Text;

namespace Steward.Infrastructure;

// The interactive API reference at /api/docs is Scalar's page. It is served with a policy of its own
// (Scalar runs inline script and styles, but nothing may come from another host: its web fonts are
// turned off) and with the page's language declared, which Scalar's template leaves out.
public static class ApiReferencePage
{
    public const string Path = "/api/docs";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Scalar's theme greys and method colours fall below WCAG AA contrast on its white; GOV.UK's palette does not.
    public const string ContrastCss =
        ".light-mode { --scalar-color-2: #383f43; --scalar-color-3: #505a5f; --scalar-color-green: #00703c; --scalar-color-blue: #1d70b8; " +
        "--scalar-color-orange: #8a4100; --scalar-color-red: #aa2e25; --scalar-color-purple: #4c2c92; --scalar-color-yellow: #594d00; --scalar-color-accent: #1d70b8; }";

    public static IApplicationBuilder UseApiReferenceLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.Value is not (Path or Path + "/" or Path + "/index.html"))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal));
            context.Response.ContentLength = body.Length;
        }

        await original.WriteAsync(body, context.RequestAborted);
    });
}

using Microsoft.AspNetCore.Http.Features;

namespace Steward.Infrastructure;

// Kestrel enforces the limit on streamed bodies; this answers a declared oversized body at once,
// before anything reads it, and does the same under the test server, which has no limit of its own.
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = MaxBytes;
        }

        await next(context);
    });
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Steward.Infrastructure;

// Kestrel enforces the limit on streamed bodies; this answers a declared oversized body at once,
// before anything reads it, and does the same under the test server, which has no limit of its own.
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    // On a page or endpoint that takes files: how large a body it accepts instead.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class AcceptsFilesAttribute(long maxBytes) : Attribute, IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxBytes;
    }

    // After routing, so an endpoint that takes files can say how large (RequestSizeLimit metadata).
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBytes;
        if (context.Request.ContentLength > limit)
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
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    });
}

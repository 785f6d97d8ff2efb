using Microsoft.Net.Http.Headers;

namespace Steward.Infrastructure;

// A record's version as an HTTP entity tag: ETag out on reads, If-Match required on every change.
public static class EntityTag
{
    public static string For(int version) => $"\"{version}\"";

    public static void Write(HttpContext context, int version) => context.Response.Headers.ETag = For(version);

    // 428 when the header is missing, 412 when it is not a version this API gave out.
    public static int RequireIfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequiredException();
        }

        if (EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return version;
        }

        throw new StaleVersionException("the record", -1, -1);
    }
}

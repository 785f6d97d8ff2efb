using Microsoft.AspNetCore.Http.Extensions;

namespace Steward.Infrastructure;

// A form submitted with an empty filter sends "status=&overdue=", and the download links under a filtered
// list carry the same. An empty query value means "not set", so it is dropped before the API binds its
// parameters (a nullable bool cannot be bound from "").
public static class EmptyQueryValues
{
    public static IApplicationBuilder UseEmptyQueryValuesAsUnset(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var query = context.Request.QueryString.Value;
        if (query is { Length: > 1 } && (query.Contains("=&", StringComparison.Ordinal) || query.EndsWith('=')) && context.Request.Path.StartsWithSegments("/api"))
        {
            var kept = new QueryBuilder(context.Request.Query.Where(q => q.Value.Any(v => !string.IsNullOrEmpty(v))));
            context.Request.QueryString = kept.ToQueryString();
        }

        return next(context);
    });
}

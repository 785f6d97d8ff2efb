using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Steward.Infrastructure;

// Turns every failure on /api into RFC 9457 ProblemDetails. Pages handle their own errors and fall
// through to the GOV.UK error pages.
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at the error page; the feature keeps the original path.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value;
        if (path is null || !new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadHttpRequestException { InnerException: JsonException json } => Validation(JsonErrors.From(json)),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode), Detail = DetailFor(bad) },
            RecordNotFoundException notFound => new ProblemDetails { Status = 404, Title = "Not found", Detail = notFound.Message },
            StaleVersionException stale => new ProblemDetails
            {
                Status = 412, Title = "The record has changed",
                Detail = stale.Actual < 0 ? "If-Match must be an ETag this API gave out, such as \"3\"." : stale.Message + " Read it again, then retry.",
            },
            PreconditionRequiredException required => new ProblemDetails { Status = 428, Title = "If-Match required", Detail = required.Message },
            Features.Access.AccessDeniedException denied => new ProblemDetails { Status = 403, Title = "Forbidden", Detail = denied.Message },
            RecordStateConflictException conflict => new ProblemDetails { Status = 409, Title = "Not allowed in the record's present state", Detail = conflict.Message },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", path);
            problem = new ProblemDetails { Status = 500, Title = "Something went wrong", Detail = "The error has been logged. Nothing was saved." };
        }

        // Written directly rather than through IProblemDetailsService, whose writer declines when the
        // client's Accept header does not name JSON: an API error must always come back as a problem.
        await TypedResults.Problem(problem).ExecuteAsync(context);
        return true;
    }

    private static ValidationProblemDetails Validation(ValidationException exception) =>
        Validation(ValidationErrors.ToDictionary(exception));

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors) { Status = 400, Title = "The request has errors", Detail = "See errors for each field and what is wrong with it." };

    private static string TitleFor(int status) => status switch
    {
        413 => "Request body too large",
        415 => "Unsupported media type",
        _ => "Bad request",
    };

    private static string DetailFor(BadHttpRequestException bad) => bad.StatusCode switch
    {
        413 => $"The request body is larger than the {RequestBodyLimit.MaxBytes / 1024} KB this API accepts.",
        415 => "Send the body as JSON with Content-Type: application/json.",
        _ => bad.Message,
    };
}

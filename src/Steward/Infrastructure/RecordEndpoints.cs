using Microsoft.AspNetCore.Http.HttpResults;

namespace Steward.Infrastructure;

// What every group of record endpoints shares: the problems it can answer with (for the OpenAPI
// description), and the If-Match round trip of a change.
public static class RecordEndpoints
{
    public static RouteGroupBuilder ProducesRecordProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    // Reads the record (so one the actor may not see is not found), applies the change against the
    // version in If-Match, and answers with the record as it now is and its new ETag.
    public static async Task<Ok<TView>> ChangeAsync<TView>(HttpContext http, Func<Task<TView>> read, Func<TView, int, Task> change, Func<TView, int> versionOf)
    {
        var current = await read();
        await change(current, EntityTag.RequireIfMatch(http));
        var view = await read();
        EntityTag.Write(http, versionOf(view));
        return TypedResults.Ok(view);
    }
}

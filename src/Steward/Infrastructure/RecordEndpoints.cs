namespace Steward.Infrastructure;

// What every group of record endpoints shares: the problems it can answer with (for the OpenAPI
// description). The If-Match round trip of a change is RegisterEndpoints'.
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
}

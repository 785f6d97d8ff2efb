using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Jobs;

public static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Background jobs").ProducesRecordProblems();
        group.MapGet("/", List).Requires(PmoArea.Access, PmoAction.Administer, wholeDepartment: true)
            .WithSummary("Every background job with its schedule, next run, recent runs (node, who started it, outcome, what it did) and latest failure");
        group.MapPost("/{job}/run", Run).Requires(PmoArea.Access, PmoAction.Administer, wholeDepartment: true)
            .WithSummary("Queue one run of a job now; a node that runs jobs starts it within seconds (202)");
    }

    private static async Task<Ok<JobBoardView>> List(JobBoard board, CancellationToken ct) => TypedResults.Ok(await board.ReadAsync(ct));

    private static async Task<Accepted> Run([Description("The job's key, as GET /jobs gives it.")] string job, JobBoard board, ChangeContext who, CancellationToken ct)
    {
        await board.RunNowAsync(job, who.Actor, ct);
        return TypedResults.Accepted($"/api/v1/jobs#{job}");
    }
}

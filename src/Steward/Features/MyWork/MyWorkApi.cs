using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.MyWork;

public static class MyWorkApi
{
    public static void MapMyWorkApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/me").WithTags("My work").ProducesRecordProblems().MapGet("/work", Get).AnySignedIn()
            .WithSummary("Everything assigned to the caller across the tree (risk reviews, issues, actions, assumptions, dependencies, status reports, benefit measurements), soonest due first, overdue flagged");
    }

    private static async Task<Ok<MyWorkView>> Get(
        [Description("Only this kind of work (risk-review, issue-target, action, assumption-validation, dependency-date, status-report, benefit-measurement).")] string? kind,
        [Description("Only work in this unit (its code) and the units below it.")] string? unit,
        AssignedWorkQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MineAsync(kind, unit, ct));
}

using Steward.Tests.Access;

namespace Steward.Tests.Jobs;

public sealed class JobsMatrixRouteValues : IMatrixRouteValues
{
    // The delivery job: with mail off in the matrix host, a run does nothing.
    public Task<string?> ValueAsync(string parameter, MatrixRoute route) =>
        Task.FromResult(parameter == "job" && route.Under("/jobs/") ? "email-delivery" : null);
}

using Steward.Tests.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tolerances;

public sealed class TolerancesMatrixRouteValues : IMatrixRouteValues
{
    public Task<string?> ValueAsync(string parameter, MatrixRoute route) => Task.FromResult(parameter switch
    {
        "dimension" => "cost",
        _ => null,
    });
}

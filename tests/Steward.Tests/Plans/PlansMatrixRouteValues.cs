using System.Globalization;
using Steward.Tests.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

public sealed class PlansMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "task" => (await route.App.CreatePlanTaskAsync(route.Unit.Code)).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}

using Steward.Tests.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public sealed class RaidMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "reference" when route.Under("/risks/") => (await route.App.CreateRiskAsync(route.Unit.Code, route.PersonId)).Reference,
        "reference" when route.Under("/issues/") => (await route.App.CreateIssueAsync(route.Unit.Code, route.PersonId)).Reference,
        "reference" when route.Under("/dependencies/") => (await route.App.CreateDependencyAsync(route.Unit.Code, route.PersonId)).Reference,
        "reference" when route.Under("/assumptions/") => (await route.App.CreateAssumptionAsync(route.Unit.Code, route.PersonId)).Reference,
        // A status step's question page: validating an assumption needs contribute, the least any step needs.
        "register" when route.Under("{step") => "assumptions",
        "step" => "validate",
        "register" => "issues",
        _ => null,
    };
}

using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Benefits;
using Steward.Tests.Access;

namespace Steward.Tests.Benefits;

public sealed class BenefitsMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "reference" when route.Under("/benefits/") => (await route.App.WithServicesAsync(sp => sp.GetRequiredService<BenefitService>().RecordAsync(route.Unit.Code,
            new BenefitInput("Matrix benefit", null, null, null, "cash-releasing", null, "direct-public-sector", false,
                null, null, null, null, null, null, null, null, null, null, null, null)))).Reference,
        _ => null,
    };
}

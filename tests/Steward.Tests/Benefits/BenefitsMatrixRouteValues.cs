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
        "id" when route.Under("/benefit-map/links/") => (await route.App.WithServicesAsync(async sp =>
        {
            var map = sp.GetRequiredService<Steward.Features.Benefits.Map.BenefitMapService>();
            var change = await map.AddChangeAsync(route.Unit.Code, new("Matrix change", null));
            return await map.LinkAsync(route.Unit.Code, new(route.Unit.Code, change.Reference));
        })).Id.ToString(),
        _ => null,
    };
}

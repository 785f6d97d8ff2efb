using Steward.Features.Access;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Tolerances;

internal sealed class TolerancesModule : IStewardModule
{
    public DemoSeed Demo => new(10, (demo, ct) => DemoTolerances.SeedAsync(demo.Services, ct));

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ToleranceQueries>();
        services.AddScoped<ToleranceService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapTolerancesApi();

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(40, "Tolerances", "tolerances", "of", PmoArea.Delivery)];
}

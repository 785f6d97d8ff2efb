namespace Steward.Infrastructure.Modules;

// Every IStewardModule in Steward's assembly, found once, in a fixed order (by name) so that start-up and
// the OpenAPI document come out the same each time.
public static class StewardModules
{
    public static readonly IReadOnlyList<IStewardModule> All = typeof(StewardModules).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStewardModule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IStewardModule)Activator.CreateInstance(t)!)
        .ToList();

    public static readonly IReadOnlyList<UnitPageLink> UnitPageLinks = All.SelectMany(m => m.UnitPageLinks).OrderBy(l => l.Order).ToList();

    public static readonly IReadOnlyList<DemoSeed> DemoSeeds = All.Select(m => m.Demo).OfType<DemoSeed>().OrderBy(d => d.Order).ToList();

    public static readonly IReadOnlyList<SyntheticSeed> SyntheticSeeds = All.Select(m => m.Synthetic).OfType<SyntheticSeed>().OrderBy(s => s.Order).ToList();

    public static readonly IReadOnlyList<BackgroundJob> Jobs = All.SelectMany(m => m.Jobs).OrderBy(j => j.Key, StringComparer.Ordinal).ToList();

    public static IServiceCollection AddStewardModules(this IServiceCollection services)
    {
        foreach (var module in All)
        {
            module.AddServices(services);
        }

        return services;
    }

    public static void MapStewardModules(this IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        foreach (var module in All)
        {
            module.MapEndpoints(app, api);
        }
    }
}

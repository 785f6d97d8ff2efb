using Steward.Features.Access;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Benefits;

internal sealed class BenefitsModule : IStewardModule
{
    public DemoSeed Demo => new(60, (demo, ct) => DemoBenefits.SeedAsync(demo, ct));

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<BenefitService>();
        services.AddScoped<Infrastructure.Work.IWorkSource, BenefitWork>();
        services.AddScoped<BenefitQueries>();
        services.AddScoped<BenefitOwners>();
        services.AddScoped<BenefitRealisationStore>();
        services.AddScoped<BenefitRollups>();
        services.AddScoped<BenefitWorth>();
        services.AddScoped<BenefitHandover>();
        services.AddScoped<BenefitImport>();
        services.AddScoped<BenefitRelatedItems>();
        services.AddScoped<Units.ICloseOutQuestion>(sp => sp.GetRequiredService<BenefitHandover>());
        services.AddScoped<Map.MapNodes>();
        services.AddScoped<Map.BenefitMapService>();
        services.AddScoped<Map.BenefitMapQueries>();
        services.AddScoped<History.IHistoryNames, BenefitHistoryNames>();
    }

    public SyntheticSeed Synthetic => new(60, "--benefits", "How many benefits --synthetic adds, each with 50 measurements and a place on its programme's map (for the benefits benchmarks).",
        "benefits", 1_000_000, (seed, ct) => new SyntheticBenefits(seed.Count, seed.Seed).SeedAsync(seed.Db, seed.Progress, ct));

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.BenefitsCommand.Create()];

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapBenefitsApi();
        Map.BenefitMapApi.MapBenefitMapApi(api);
    }

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(37, "Benefits", "benefits", "of", PmoArea.Benefits)];
}

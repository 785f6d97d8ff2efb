using Steward.Features.Access;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Finance;

internal sealed class FinanceModule : IStewardModule
{
    public DemoSeed Demo => new(50, (demo, ct) => DemoFinance.SeedAsync(demo, ct));

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FinanceQueries>();
        services.AddScoped<FinanceAsAt>();
        services.AddScoped<FinanceService>();
        services.AddScoped<CostToleranceBreaches>();
        services.AddScoped<Ledger.LedgerImport>();
        services.AddScoped<Units.ISubtreeMoveFollower, FinanceRollupLevels>();
        services.AddScoped<BusinessCases.BusinessCaseQueries>();
        services.AddScoped<BusinessCases.BusinessCaseService>();
    }

    public SyntheticSeed Synthetic => new(50, "--finance-years", "How many financial years of money --synthetic gives every programme and project (for the finance benchmarks).",
        "years of money", 20, (seed, ct) => new SyntheticFinance(seed.Count, seed.Seed).SeedAsync(seed.Db, seed.Progress, ct));

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.FinanceCommand.Create(), Cli.BusinessCaseCommand.Create()];

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapFinanceApi();
        BusinessCases.BusinessCaseApi.MapBusinessCaseApi(api);
    }

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(35, "Finance", "finance", "of", PmoArea.Finance), new(36, "Business case", "business-case", "of", PmoArea.Finance)];
}

using Steward.Features.Access;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

internal sealed class RaidModule : IStewardModule
{
    public IEnumerable<System.CommandLine.Command> Commands => [Cli.RaidCommand.Create()];

    public DemoSeed Demo => new(20, DemoRaid.SeedAsync);

    public SyntheticSeed Synthetic => new(20, "--raid", "How many RAID items --synthetic adds (for the register benchmarks).", "RAID items", 10_000_000,
        (seed, ct) => new SyntheticRaid(seed.Count, seed.Seed).SeedAsync(seed.Db, seed.Progress, ct));

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<RaidLog>();
        services.AddScoped<Infrastructure.Work.IWorkSource, RaidWork>();
        services.AddScoped<Infrastructure.Work.INewsSource, RaidNews>();
        services.AddScoped<RaidReferences>();
        services.AddScoped<RiskRegister>();
        services.AddScoped<RaidBulkChange>();
        services.AddScoped<History.IHistoryNames, RaidHistoryNames>();
        services.AddScoped<RiskBulkChange>();
        services.AddScoped<IssueBulkChange>();
        services.AddScoped<AssumptionBulkChange>();
        services.AddScoped<DependencyBulkChange>();
        services.AddScoped<IRecordSearch, RaidSearch>();
        services.AddScoped<IssueRegister>();
        services.AddScoped<DependencyRegister>();
        services.AddScoped<AssumptionRegister>();
        services.AddScoped<RaidQueries>();
        services.AddScoped<RiskQueries>();
        services.AddScoped<IssueQueries>();
        services.AddScoped<DependencyQueries>();
        services.AddScoped<AssumptionQueries>();
        services.AddScoped<RaidEscalation>();
        services.AddScoped<IToleranceFollower>(provider => provider.GetRequiredService<RaidEscalation>());
        services.AddScoped<RaidImport>();
        services.AddScoped<RiskScales>();
        services.AddScoped<ISubtreeMoveFollower, RiskRollupLevels>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapRaidApi();

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(10, "RAID register", "raid", "of", PmoArea.Raid)];
}

using Steward.Features.Units;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Raid;

internal sealed class RaidModule : IStewardModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<RaidService>();
        services.AddScoped<RaidQueries>();
        services.AddScoped<RaidEscalation>();
        services.AddScoped<RaidImport>();
        services.AddScoped<RiskScales>();
        services.AddScoped<ISubtreeMoveFollower, RiskRollupLevels>();
        services.AddSingleton<ImportUploads>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapRaidApi();
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Accounts;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Units;

namespace Steward.Infrastructure;

// What every host (web or command line) needs: the database and the PMO services over it.
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddStewardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddStewardData();
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section);
        services.AddScoped<UnitService>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<PortfolioTree>();
        services.AddScoped<PersonService>();
        services.AddScoped<HistoryQueries>();
        services.AddScoped<Features.Raid.RaidService>();
        services.AddScoped<Features.Raid.RaidQueries>();
        services.AddScoped<Features.Raid.RaidEscalation>();
        services.AddScoped<Features.Raid.RaidImport>();
        services.AddScoped<Features.Raid.RiskScales>();
        services.AddScoped<ISubtreeMoveFollower, Features.Raid.RiskRollupLevels>();
        services.AddSingleton<Features.Raid.ImportUploads>();
        services.AddScoped<Features.Governance.GovernanceService>();
        services.AddScoped<Features.Governance.GovernanceQueries>();
        services.AddScoped<Features.Governance.GovernanceCalendar>();
        services.AddSingleton<Features.Plans.PlanViewCache>();
        services.AddScoped<Features.Plans.PlanService>();
        services.AddScoped<Features.Plans.PlanQueries>();
        services.AddScoped<Features.Plans.PlanCalendars>();
        services.AddScoped<Features.Plans.LinkedPlans>();
        services.AddScoped<Features.Plans.IntegratedPlan>();
        services.AddScoped<AccountService>();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<UnitPaths>();
        services.AddScoped<AccessPolicy>();
        services.AddScoped<RoleService>();
        services.AddScoped<Features.Tokens.TokenService>();
        services.AddDataProtection().SetApplicationName("Steward").PersistKeysToDbContext<StewardDbContext>().ProtectKeysAsConfigured(configuration);
        services.AddIdentityCore<StewardUser>(AccountRules.Apply)
            .AddEntityFrameworkStores<StewardDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<StewardIdentityErrors>()
            .AddClaimsPrincipalFactory<StewardClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<AuditChain>();
        return services;
    }
}

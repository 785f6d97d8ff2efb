using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Accounts;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;

namespace Steward.Infrastructure;

// What every host (web or command line) needs: the database, the shared services, and every PMO
// service's module (found in its own folder; see Infrastructure/Modules).
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddStewardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddStewardData();
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section);
        services.AddSingleton<Spreadsheets.ImportUploads>();
        services.AddScoped<UnitService>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<UnitDates>();
        services.AddScoped<Registers.RegisterUnits>();
        services.AddScoped<Registers.RegisterEntries>();
        services.AddScoped<PortfolioTree>();
        services.AddScoped<PersonService>();
        services.AddScoped<HistoryQueries>();
        services.AddStewardModules();
        services.AddScoped<AccountService>();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<UnitPaths>();
        services.AddScoped<AccessPolicy>();
        services.AddScoped<RoleService>();
        services.AddScoped<UnitLeaders>();
        services.AddScoped<Features.Tokens.TokenService>();
        services.AddDataProtection().SetApplicationName("Steward").PersistKeysToDbContext<StewardDbContext>().ProtectKeysAsConfigured(configuration);
        services.AddIdentityCore<StewardUser>(AccountRules.Apply)
            .AddEntityFrameworkStores<StewardDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<StewardIdentityErrors>()
            .AddClaimsPrincipalFactory<StewardClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<AuditChain>();
        services.AddSingleton<Features.History.Digests.DigestKeys>();
        services.AddSingleton<Features.History.Digests.DigestPublication>();
        services.AddScoped<Features.History.Digests.HistoryDigests>();
        services.AddScoped<Features.History.Digests.DigestVerification>();
        services.AddSingleton<Features.History.Digests.HistoryCheckGate>();
        return services;
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Infrastructure;

namespace Steward.Data;

public static class DataServiceCollectionExtensions
{
    // The target is read from configuration when first needed, not at registration, so that a test
    // host's settings (applied after Program has registered services) decide the database.
    public static IServiceCollection AddStewardData(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseTarget.Parse(sp.GetRequiredService<IConfiguration>()[DatabaseTarget.ConfigurationKey]));
        services.AddSingleton<VersionStampInterceptor>();

        services.AddDbContextPool<SqliteStewardDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>()));
        services.AddDbContextPool<PostgresStewardDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>()));

        services.AddScoped<StewardDbContext>(sp => sp.GetRequiredService<DatabaseTarget>().Provider switch
        {
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgresStewardDbContext>(),
            _ => sp.GetRequiredService<SqliteStewardDbContext>(),
        });
        return services;
    }
}

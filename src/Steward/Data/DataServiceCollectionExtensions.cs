using Microsoft.EntityFrameworkCore;
using Steward.Features.History;
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
        services.AddSingleton<HistoryInterceptor>();
        services.AddScoped<ChangeContext>();

        services.AddDbContextPool<SqliteStewardDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>(), sp.GetRequiredService<HistoryInterceptor>()));
        services.AddDbContextPool<PostgresStewardDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>(), sp.GetRequiredService<HistoryInterceptor>()));

        services.AddScoped<StewardDbContext>(sp =>
        {
            StewardDbContext db = sp.GetRequiredService<DatabaseTarget>().Provider switch
            {
                DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgresStewardDbContext>(),
                _ => sp.GetRequiredService<SqliteStewardDbContext>(),
            };
            db.ChangeContext = sp.GetRequiredService<ChangeContext>();
            return db;
        });
        return services;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        // In this order: versions are stamped and derived keys set before history records the change, and
        // all that is done before a bulk insert writes the rows.
        services.AddSingleton<IInterceptor, VersionStampInterceptor>();
        services.AddSingleton<IInterceptor, Features.Raid.RiskRollupInterceptor>();
        services.AddSingleton<IInterceptor, HistoryInterceptor>();
        services.AddSingleton<IInterceptor, BulkInsertInterceptor>();
        services.AddSingleton<IInterceptor, InterceptorsDoneInterceptor>();
        services.AddSingleton<IInterceptor, CommittedChangesInterceptor>();
        services.AddSingleton<CommittedChanges>();
        services.AddSingleton(typeof(CommittedReads<,>));
        services.AddScoped<ChangeContext>();

        services.AddDbContextPool<SqliteStewardDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddDbContextPool<PostgresStewardDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>()));

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

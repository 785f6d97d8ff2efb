using Quartz;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;
using Steward.Data;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Jobs;

// Quartz.NET with its job store in Steward's own database. On PostgreSQL the nodes behind a load balancer
// form a cluster: each due job runs on one node, and a job whose node dies mid-run is run again by another
// (requests recovery). SQLite serves one node, which Quartz enforces. The database is known only once the
// host's settings are read (a test host sets it late), so the store's connection is chosen then.
public static class JobScheduling
{
    public const string EnabledSetting = "Jobs:Enabled";
    public const string Group = "steward";
    public const string EverySecondsSection = "Jobs:EverySeconds";


    // A clustered node's id is its machine name and a number; a single node's is only NON_CLUSTERED.
    public static string NodeName(string instanceId) => instanceId == "NON_CLUSTERED" ? Environment.MachineName : instanceId;

    public static TimeSpan Interval(IConfiguration configuration, BackgroundJob job) =>
        configuration.GetValue<int?>($"{EverySecondsSection}:{job.Key}") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : job.Every;

    // Every so many seconds (under a minute), minutes (under an hour) or hours, on the clock.
    public static string Cron(TimeSpan every) => (int)every.TotalSeconds switch
    {
        < 60 and var seconds => $"*/{Math.Max(1, seconds)} * * * * ?",
        < 3600 and var seconds => $"0 */{seconds / 60} * * * ?",
        var seconds => $"0 0 */{Math.Min(23, seconds / 3600)} * * ?",
    };

    internal static void AddStewardJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Steward";
                o.GenerateInstanceId = true;
            });
            foreach (var job in StewardModules.Jobs)
            {
                var key = new JobKey(job.Key, Group);
                q.AddJob(job.JobType, j => j.WithIdentity(key).StoreDurably().RequestRecovery().DisallowConcurrentExecution().WithDescription(job.Title));
                // A fire missed while every node was down is not caught up one by one: the next is enough,
                // because each job works out what is due from the data, not from how often it ran.
                // Jobs:EverySeconds:{key} changes how often (an operator's choice, or a test's). A cron schedule
                // names the same instants on every node, whenever each started; each instant fires on one node.
                q.AddTrigger<IJob>((sp, t) => t.ForJob(key).WithIdentity(job.Key, Group)
                    .WithCronSchedule(Cron(Interval(sp.GetRequiredService<IConfiguration>(), job)), c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }

            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
                store.UseConnectionProvider(sp => sp.GetRequiredService<DatabaseTarget>() is var target && target.Provider == DatabaseProvider.PostgreSql
                    ? new DbProvider("Npgsql", target.ConnectionString)
                    : new DbProvider("SQLite-Microsoft", target.ConnectionString));
                store.UseDriverDelegate(sp => sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.PostgreSql ? new PostgreSQLDelegate() : new SQLiteDelegate());
            });
        });
        // What UseClustering() sets, decided here once the database is known: clustered, and firing under the
        // database's row locks so that a trigger due on several nodes fires on one.
        services.AddOptions<ClusteringOptions>().Configure<DatabaseTarget>((o, target) => o.Enabled = target.Provider == DatabaseProvider.PostgreSql);
        services.AddOptions<AdoJobStoreOptions>().Configure<DatabaseTarget>((o, target) =>
        {
            if (target.Provider == DatabaseProvider.PostgreSql)
            {
                o.UseDbLocks = true;
                o.AcquireTriggersWithinLock = true;
            }
        });
        services.AddHostedService<JobSchedulerService>();
    }
}

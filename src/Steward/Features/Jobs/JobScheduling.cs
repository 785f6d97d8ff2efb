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

    // A clustered node's id is its machine name and a number; a single node's is only NON_CLUSTERED.
    public static string NodeName(string instanceId) => instanceId == "NON_CLUSTERED" ? Environment.MachineName : instanceId;

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
                q.AddTrigger<IJob>(t => t.ForJob(key).WithIdentity(job.Key, Group)
                    .StartAt(DateTimeOffset.UtcNow.Add(job.Every))
                    .WithSimpleSchedule(s => s.WithInterval(job.Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
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
        services.AddOptions<ClusteringOptions>().Configure<DatabaseTarget>((o, target) => o.Enabled = target.Provider == DatabaseProvider.PostgreSql);
        services.AddHostedService<JobSchedulerService>();
    }
}

using System.CommandLine;
using System.Text.Json;
using Steward.Cli;
using Steward.Infrastructure;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Jobs.Cli;

// steward jobs list|run: the background jobs, their last runs, and running one here and now (recorded like any run).
internal static class JobsCommand
{
    private static readonly Argument<string> Key = new("job") { Description = "The job's key (steward jobs list shows them)." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print it as JSON, as the API answers it." };

    public static Command Create() => new("jobs", "Background jobs: list them with their last runs, or run one now.") { List(), Run() };

    private static Command List()
    {
        var command = new Command("list", "Every background job with its schedule, next run and last run.") { Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var board = await services.GetRequiredService<JobBoard>().ReadAsync(ct);
            if (parse.GetValue(Json))
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
                StewardWebHost.ConfigureJson(options);
                Console.WriteLine(JsonSerializer.Serialize(board, options));
                return StewardCommandLine.Success;
            }

            foreach (var job in board.Jobs)
            {
                Console.WriteLine($"{job.Key}: {job.Title}, {JobText.Every(job.EveryMinutes).ToLowerInvariant()}; next {(job.NextRunAt is { } next ? UkFormat.DateTime(next) : "not scheduled")}");
                Console.WriteLine($"  last run: {(job.LastRun is { } last ? $"{UkFormat.DateTime(last.StartedAt)} on {last.Node}: {JobText.Outcome(last)}" : "none")}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Run()
    {
        var command = new Command("run", "Run one job here and now, and record the run as the scheduler would.") { Key };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var key = parse.GetValue(Key)!;
            var job = StewardModules.Jobs.FirstOrDefault(j => j.Key == key)
                ?? throw new CommandFailure($"job: there is no job '{key}'; there are {string.Join(", ", StewardModules.Jobs.Select(j => j.Key))}");
            var recorded = (RecordedJob)services.GetRequiredService(job.JobType);
            try
            {
                var summary = await recorded.RunRecordedAsync(job.Key, Environment.MachineName, $"Command line ({Environment.UserName} on {Environment.MachineName})", recovering: false, ct);
                Console.WriteLine($"{job.Title}: {summary}");
                return StewardCommandLine.Success;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new CommandFailure($"{job.Title} failed: {e.Message}");
            }
        }));
        return command;
    }
}

using Steward.Infrastructure;

namespace Steward.Features.Jobs;

public static class JobText
{
    public static string Every(int minutes) => minutes == 1 ? "Every minute" : $"Every {minutes} minutes";

    public static string Outcome(JobRunView run) => run.Outcome switch
    {
        JobOutcome.Running => "Running",
        JobOutcome.Succeeded => $"Done{(run.FinishedAt is { } at ? $" at {UkFormat.Clock(at)}" : string.Empty)}: {run.Summary}",
        JobOutcome.Failed => $"Failed: {run.Error}",
        _ => $"Abandoned: {run.Error ?? "its node stopped mid-run, and another ran the job again"}",
    };
}

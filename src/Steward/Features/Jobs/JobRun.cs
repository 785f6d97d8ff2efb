namespace Steward.Features.Jobs;

// One run of a background job on one node: when it started and finished, who or what started it, and
// what it did (a summary with its counts) or why it failed. Operational, not a PMO record, so not in the history.
public sealed class JobRun
{
    public const int KeyMaxLength = 100;
    public const int NodeMaxLength = 200;
    public const int StartedByMaxLength = 300;
    public const int TextMaxLength = 4000;

    public long Id { get; set; }
    public required string Job { get; set; }
    public required string Node { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public JobOutcome Outcome { get; set; }
    public string? Summary { get; set; }
    public string? Error { get; set; }
}

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,

    // Its node stopped mid-run (killed, or its machine lost); another node ran the job again.
    Abandoned,
}

namespace Steward.Cli;

// Ends a command with a one-line message and an exit code: 1 for a failed check, 2 for bad usage.
internal sealed class CommandFailure(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

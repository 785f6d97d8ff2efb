using System.Diagnostics;

namespace Steward.Tests.Cli;

// Runs the real `steward` executable, as an operator or a script would.
public static class StewardProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] args) =>
        RunWithInputAsync(string.Empty, environment, args);

    public static Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) =>
        RunWithInputAsync(input, new Dictionary<string, string>(), args);

    private static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, IDictionary<string, string> environment, string[] args)
    {
        // Standard input is redirected and closed at once: a command that reads a password from it then
        // sees none, instead of waiting on the test runner's own input.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "steward.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("STEWARD_DATABASE");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        return await CollectAsync(process);
    }

    // A command that hangs fails its test after two minutes rather than holding up the whole run.
    private static async Task<(int ExitCode, string Output, string Error)> CollectAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"steward did not finish within two minutes: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}

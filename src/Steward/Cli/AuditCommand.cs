using System.CommandLine;
using Steward.Data;
using Steward.Features.History;

namespace Steward.Cli;

internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check that no history event has been altered or removed: exit 0 when the chain is intact, 1 naming the first broken link.");
        verify.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(CommonOptions.Overrides(parse));
            await host.Services.MigrateStewardDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var started = TimeProvider.System.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<AuditChain>()
                .VerifyAsync(new Progress<long>(n => Console.Error.Write($"\r{n:N0} events checked")), ct);
            Console.Error.Write("\r");
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            if (!result.IsIntact)
            {
                throw new CommandFailure($"history is broken: {result.Problem}");
            }

            Console.WriteLine($"History intact: {result.EventsChecked:N0} events checked in {seconds:F1} s.");
            return StewardCommandLine.Success;
        });
        return new Command("audit", "Check the tamper-evident change history.") { verify };
    }
}

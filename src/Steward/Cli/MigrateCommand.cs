using System.CommandLine;
using Steward.Data;

namespace Steward.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring it up to date, then exit.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(CommonOptions.Overrides(parse));
            await host.Services.MigrateStewardDatabaseAsync(ct);
            Console.WriteLine($"The {host.Services.GetRequiredService<DatabaseTarget>().Description} is up to date.");
            return StewardCommandLine.Success;
        });
        return command;
    }
}

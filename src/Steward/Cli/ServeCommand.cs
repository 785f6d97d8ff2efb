using System.CommandLine;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Cli;

internal static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Where to listen, such as http://localhost:5000 (default). Also STEWARD_URLS.",
        HelpName = "URL",
    };

    private static readonly Option<bool> Demo = new("--demo")
    {
        Description = "Fill an empty database with the demo department before serving.",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web UI and the JSON API, migrating the database first.") { Urls, Demo };
        // Host settings such as --environment=Development pass through to ASP.NET Core.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var hostArgs = parse.UnmatchedTokens.ToArray();
            if (hostArgs.FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains('=', StringComparison.Ordinal)) is { } stray)
            {
                throw new CommandFailure($"unrecognised argument '{stray}' (see 'steward serve --help')", StewardCommandLine.BadUsage);
            }

            var overrides = CommonOptions.Overrides(parse);
            overrides["urls"] = parse.GetValue(Urls);
            if (parse.GetValue(Demo))
            {
                overrides[StewardConfiguration.DemoKey] = "true";
            }

            var app = StewardWebHost.Build(hostArgs, overrides);
            var target = app.Services.GetRequiredService<DatabaseTarget>();
            await app.Services.MigrateStewardDatabaseAsync(ct);
            if (app.Configuration.IsDemo())
            {
                await DemoDepartment.SeedIfEmptyAsync(app.Services, ct);
            }
            else
            {
                await using var scope = app.Services.CreateAsyncScope();
                if (await Features.Accounts.DemoAccounts.StillOnTheDemoPasswordAsync(scope.ServiceProvider, ct) is { Count: > 0 } open)
                {
                    throw new CommandFailure(
                        $"this database has demo accounts that still sign in with the demo password ({string.Join(", ", open)}); serve it with --demo, " +
                        "or disable them ('steward users disable EMAIL') or give them new passwords ('steward users reset-password EMAIL') first");
                }
            }

            if (!app.Configuration.IsDemo() && !KeyProtection.IsConfigured(app.Configuration))
            {
                app.Logger.LogWarning(KeyProtection.UnprotectedWarning);
            }

            app.Logger.LogInformation("Steward is using the {Database}", target.Description);
            await app.RunAsync();
            return StewardCommandLine.Success;
        });
        return command;
    }

    // `steward` alone, or followed only by host settings (as WebApplicationFactory starts it), means serve.
    public static bool ImpliedBy(string[] args) =>
        args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0].Contains('=', StringComparison.Ordinal));
}

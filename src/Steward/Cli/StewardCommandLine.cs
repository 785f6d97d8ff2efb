using System.CommandLine;
using FluentValidation;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Cli;

public static class StewardCommandLine
{
    public const int Success = 0;
    public const int FailedCheck = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Steward: the PMO's information system for projects, programmes and portfolios.")
        {
            ServeCommand.Create(),
            MigrateCommand.Create(),
            SeedCommand.Create(),
            UnitsCommand.Create(),
            AuditCommand.Create(),
            UsersCommand.Create(),
            RolesCommand.Create(),
            TokensCommand.Create(),
        };
        foreach (var command in Infrastructure.Modules.StewardModules.All.SelectMany(m => m.Commands))
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(CommonOptions.Database);

        var parse = root.Parse(ServeCommand.ImpliedBy(args) ? ["serve", .. args] : args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"steward: {parse.Errors[0].Message} (see 'steward {parse.CommandResult.Command.Name} --help')".Replace("steward steward", "steward", StringComparison.Ordinal));
            return BadUsage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is Features.History.Digests.DigestFormatException or Features.History.Digests.DigestSetupException)
        {
            await Console.Error.WriteLineAsync($"steward: {e.Message}");
            return BadUsage;
        }
        catch (CommandFailure failure)
        {
            await Console.Error.WriteLineAsync($"steward: {failure.Message}");
            return failure.ExitCode;
        }
        catch (Exception bad) when (bad is DatabaseTargetException or ConfigurationException)
        {
            await Console.Error.WriteLineAsync($"steward: {bad.Message}");
            return BadUsage;
        }
        catch (ValidationException invalid)
        {
            var errors = ValidationErrors.ToDictionary(invalid).SelectMany(kv => kv.Value.Select(m => $"{OptionFor(kv.Key)}: {m}"));
            await Console.Error.WriteLineAsync($"steward: {string.Join("; ", errors)}");
            return BadUsage;
        }
        catch (Exception e) when (e is RecordNotFoundException or RecordStateConflictException or StaleVersionException or Features.Access.AccessDeniedException)
        {
            await Console.Error.WriteLineAsync($"steward: {e.Message}");
            return FailedCheck;
        }
    }

    // A password arrives on standard input, not as an option, so it is named plainly.
    private static string OptionFor(string field) => field == "password" || field.StartsWith("--", StringComparison.Ordinal) ? field : $"--{Kebab(field)}";

    // Service errors name API fields (parentId); the CLI names the option (--parent).
    private static string Kebab(string name) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name) is var kebab && kebab.EndsWith("-id", StringComparison.Ordinal) ? kebab[..^3] : System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}

using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Cli;

// A host without a web server, for commands that work on the database directly.
internal static class CliHost
{
    // Migrates first, so every command works on a new database, then runs the work in one scope.
    public static async Task<T> WithServicesAsync<T>(System.CommandLine.ParseResult parse, Func<IServiceProvider, Task<T>> work)
    {
        using var host = Build(CommonOptions.Overrides(parse));
        await Data.DatabaseMigrator.MigrateStewardDatabaseAsync(host.Services);
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static IHost Build(IDictionary<string, string?> commandLine)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddStewardSources(commandLine);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddStewardCore(builder.Configuration);
        builder.Services.AddScoped(_ => new ChangeContext { Actor = $"{Environment.UserName} on {Environment.MachineName}", Channel = ChangeChannel.Cli, IsOperator = true });
        return builder.Build();
    }
}

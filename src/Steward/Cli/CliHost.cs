using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Cli;

// A host without a web server, for commands that work on the database directly.
internal static class CliHost
{
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
        builder.Services.AddStewardCore();
        builder.Services.AddScoped(_ => new ChangeContext { Actor = $"{Environment.UserName} on {Environment.MachineName}", Channel = ChangeChannel.Cli });
        return builder.Build();
    }
}

namespace Steward.Infrastructure;

public static class StewardConfiguration
{
    public const string DemoKey = "Demo";

    // appsettings.json beside the executable, then STEWARD_* environment variables, then the command line.
    public static void AddStewardSources(this IConfigurationManager configuration, IDictionary<string, string?> commandLine)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables("STEWARD_");
        configuration.AddInMemoryCollection(commandLine.Where(kv => kv.Value is not null));
    }

    public static bool IsDemo(this IConfiguration configuration) =>
        bool.TryParse(configuration[DemoKey], out var demo) && demo;
}

using System.CommandLine;
using Steward.Features.Units;

namespace Steward.Cli;

internal static class UnitsStatusCommands
{
    public static Command Close() => Create("close", "Close a unit whose children are all closed.", (s, id, v, ct) => s.CloseAsync(id, v, ct));

    public static Command Archive() => Create("archive", "Archive a closed unit; it leaves the home page but is never deleted.", (s, id, v, ct) => s.ArchiveAsync(id, v, ct));

    private static Command Create(string name, string description, Func<UnitService, Guid, int, CancellationToken, Task<DeliveryUnit>> change)
    {
        var unitArgument = new Argument<string>("unit") { Description = "The unit's code or id." };
        var command = new Command(name, description) { unitArgument };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<UnitQueries>();
            var unit = await queries.RequireAsync(parse.GetValue(unitArgument)!, ct);
            await change(services.GetRequiredService<UnitService>(), unit.Id, unit.Version, ct);
            UnitsCommand.PrintSummary((await queries.GetAsync(unit.Id, ct))!);
            return StewardCommandLine.Success;
        }));
        return command;
    }
}

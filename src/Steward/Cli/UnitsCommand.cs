using System.CommandLine;
using System.Text.Json;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Cli;

internal static class UnitsCommand
{
    public static Command Create() => new("units", "List, show, create, move, close and archive delivery units.")
    {
        UnitsListCommand.Create(),
        UnitsShowCommand.Create(),
        UnitsCreateCommand.Create(),
        UnitsMoveCommand.Create(),
        UnitsStatusCommands.Close(),
        UnitsStatusCommands.Archive(),
    };

    // The same JSON the API writes, so scripts can move between the two.
    public static readonly JsonSerializerOptions JsonOutput = CreateJsonOutput();

    public static void PrintSummary(UnitView unit) =>
        Console.WriteLine($"{unit.Code}\t{EnumText.Of(unit.Kind)}\t{EnumText.Of(unit.Stage)}\t{EnumText.Of(unit.Status)}\tversion {unit.Version}\t{unit.Name}");

    private static JsonSerializerOptions CreateJsonOutput()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        StewardWebHost.ConfigureJson(options);
        return options;
    }
}

using System.CommandLine;
using Steward.Features.Units;

namespace Steward.Cli;

internal static class UnitsMoveCommand
{
    private static readonly Argument<string> Unit = new("unit") { Description = "The code or id of the unit to move." };
    private static readonly Option<string?> To = new("--to") { Description = "The new parent's code or id." };
    private static readonly Option<bool> TopLevel = new("--top-level") { Description = "Make a portfolio top-level instead." };

    public static Command Create()
    {
        var command = new Command("move", "Move a unit under another portfolio or programme.") { Unit, To, TopLevel };
        command.Validators.Add(result =>
        {
            if (result.GetValue(To) is null == !result.GetValue(TopLevel))
            {
                result.AddError("give either --to PARENT or --top-level");
            }
        });
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<UnitQueries>();
            var unit = await queries.RequireAsync(parse.GetValue(Unit)!, ct);
            var parent = parse.GetValue(To) is { } to ? (await queries.RequireAsync(to, ct)).Id : (Guid?)null;
            await services.GetRequiredService<UnitService>().MoveAsync(unit.Id, unit.Version, parent, ct);
            UnitsCommand.PrintSummary((await queries.GetAsync(unit.Id, ct))!);
            return StewardCommandLine.Success;
        }));
        return command;
    }
}

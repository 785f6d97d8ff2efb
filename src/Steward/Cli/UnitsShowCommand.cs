using System.CommandLine;
using System.Text.Json;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Cli;

internal static class UnitsShowCommand
{
    private static readonly Argument<string> Unit = new("unit") { Description = "The unit's code or id." };

    public static Command Create()
    {
        var command = new Command("show", "Show one delivery unit.") { Unit, CommonOptions.Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<UnitDates>().ApplyAsync(await services.GetRequiredService<UnitQueries>().RequireAsync(parse.GetValue(Unit)!, ct), ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(unit, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{unit.Code}  {unit.Name}");
            Console.WriteLine($"  kind        {EnumText.Of(unit.Kind)}");
            Console.WriteLine($"  parent      {unit.Parent?.Code ?? "(top level)"}");
            Console.WriteLine($"  category    {EnumText.Of(unit.Category)}");
            Console.WriteLine($"  stage       {EnumText.Of(unit.Stage)}");
            Console.WriteLine($"  status      {EnumText.Of(unit.Status)}");
            Console.WriteLine($"  SRO         {unit.Sro?.Name ?? "-"}");
            Console.WriteLine($"  manager     {unit.Manager?.Name ?? "-"}");
            Console.WriteLine($"  baseline    {unit.BaselineStart:yyyy-MM-dd} to {unit.BaselineEnd:yyyy-MM-dd}");
            Console.WriteLine($"  forecast    {unit.ForecastStart:yyyy-MM-dd} to {unit.ForecastEnd:yyyy-MM-dd}{(unit.DatesFrom == UnitDatesSource.Plan ? " (from its plan)" : "")}{(unit.PastForecastEnd ? " (forecast end has passed)" : "")}");
            Console.WriteLine($"  version     {unit.Version}");
            return StewardCommandLine.Success;
        }));
        return command;
    }
}

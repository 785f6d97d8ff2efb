using System.CommandLine;
using System.Text.Json;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Cli;

internal static class UnitsListCommand
{
    private static readonly Option<string?> Parent = new("--parent") { Description = "Only the units directly under this unit (code or id)." };
    private static readonly Option<string?> Kind = new("--kind") { Description = "portfolio, programme or project." };
    private static readonly Option<string?> Stage = new("--stage") { Description = "concept, initiation, delivery, closure or closed." };
    private static readonly Option<string?> Status = new("--status") { Description = "active, paused, closed or archived." };
    private static readonly Option<string?> Search = new("--search") { Description = "Text in the code or name." };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many units (1-500).", DefaultValueFactory = _ => 100 };

    public static Command Create()
    {
        var command = new Command("list", "List delivery units, by code.") { Parent, Kind, Stage, Status, Search, Limit, CommonOptions.Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<UnitQueries>();
            var parent = parse.GetValue(Parent) is { } p ? (await queries.RequireAsync(p, ct)).Id : (Guid?)null;
            var page = await queries.ListAsync(new UnitListQuery(
                ParentId: parent,
                Kind: EnumText.ParseOptional<UnitKind>("kind", parse.GetValue(Kind)),
                Stage: EnumText.ParseOptional<LifecycleStage>("stage", parse.GetValue(Stage)),
                Status: EnumText.ParseOptional<UnitStatus>("status", parse.GetValue(Status)),
                Text: parse.GetValue(Search),
                Limit: parse.GetValue(Limit)), ct);

            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(page, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            foreach (var unit in page.Items)
            {
                Console.WriteLine($"{unit.Code,-16} {EnumText.Of(unit.Kind),-10} {EnumText.Of(unit.Stage),-11} {EnumText.Of(unit.Status),-9} {unit.Name}");
            }

            if (page.NextCursor is not null)
            {
                Console.Error.WriteLine($"(first {page.Items.Count} shown; raise --limit or narrow the filters for more)");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }
}

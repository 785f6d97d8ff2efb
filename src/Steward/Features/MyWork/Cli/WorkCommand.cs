using System.CommandLine;
using System.Text.Json;
using Steward.Cli;
using Steward.Infrastructure;

namespace Steward.Features.MyWork.Cli;

// steward work --person EMAIL: what is assigned to someone across the tree, soonest due first, as "Your work" shows it.
internal static class WorkCommand
{
    private static readonly Option<string> Person = new("--person") { Description = "Their e-mail address.", Required = true, HelpName = "EMAIL" };
    private static readonly Option<string?> Kind = new("--kind") { Description = "Only this kind of work (risk-review, action, status-report ...).", HelpName = "KIND" };
    private static readonly Option<string?> Unit = new("--unit") { Description = "Only in this unit (its code) and those below it.", HelpName = "CODE" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print it as JSON, as GET /api/v1/me/work answers it." };

    public static Command Create()
    {
        var command = new Command("work", "Everything assigned to one person across the tree, soonest due first, overdue flagged.") { Person, Kind, Unit, Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var work = await services.GetRequiredService<AssignedWorkQueries>().OfAsync(parse.GetValue(Person)!, parse.GetValue(Kind), parse.GetValue(Unit), ct);
            if (parse.GetValue(Json))
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
                StewardWebHost.ConfigureJson(options);
                Console.WriteLine(JsonSerializer.Serialize(work, options));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{work.Items.Count} items: {work.Overdue} overdue, {work.DueToday} due today");
            foreach (var item in work.Items)
            {
                var due = item.Due is null ? "no date" : $"{(item.Overdue ? "OVERDUE " : string.Empty)}due {UkFormat.Date(item.Due)}";
                Console.WriteLine($"{item.Reference}\t{item.KindLabel}\t{item.UnitCode}\t{due}\t{item.Title}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }
}

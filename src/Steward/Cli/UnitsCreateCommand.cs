using System.CommandLine;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Cli;

internal static class UnitsCreateCommand
{
    private static readonly Option<string> Code = new("--code") { Description = "A unique code such as HO-PRG-007.", Required = true };
    private static readonly Option<string> Name = new("--name") { Description = "The unit's name.", Required = true };
    private static readonly Option<string> Kind = new("--kind") { Description = "portfolio, programme or project.", Required = true };
    private static readonly Option<string?> Parent = new("--parent") { Description = "The parent's code or id (a portfolio may have none)." };
    private static readonly Option<string?> Category = new("--category") { Description = "infrastructure-and-construction, government-transformation-and-service-delivery, ict, military-capability or other (default)." };
    private static readonly Option<string?> Stage = new("--stage") { Description = "concept (default), initiation, delivery or closure." };
    private static readonly Option<string?> Description = new("--description") { Description = "What the unit does." };
    private static readonly Option<string?> Aims = new("--aims") { Description = "What it is for." };
    private static readonly Option<DateOnly?> Start = new("--start") { Description = "Baseline and forecast start date, YYYY-MM-DD." };
    private static readonly Option<DateOnly?> End = new("--end") { Description = "Baseline and forecast end date, YYYY-MM-DD." };

    public static Command Create()
    {
        var command = new Command("create", "Create a portfolio, programme or project.") { Code, Name, Kind, Parent, Category, Stage, Description, Aims, Start, End };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var parent = parse.GetValue(Parent) is { } p ? (await services.GetRequiredService<UnitQueries>().RequireAsync(p, ct)).Id : (Guid?)null;
            var created = await services.GetRequiredService<UnitService>().CreateAsync(new CreateUnit(
                parse.GetValue(Code), parse.GetValue(Name), EnumText.ParseOptional<UnitKind>("kind", parse.GetValue(Kind)),
                ParentId: parent,
                Category: EnumText.ParseOptional<UnitCategory>("category", parse.GetValue(Category)),
                Stage: EnumText.ParseOptional<LifecycleStage>("stage", parse.GetValue(Stage)),
                Description: parse.GetValue(Description),
                Aims: parse.GetValue(Aims),
                BaselineStart: parse.GetValue(Start),
                BaselineEnd: parse.GetValue(End),
                ForecastStart: parse.GetValue(Start),
                ForecastEnd: parse.GetValue(End)), ct);
            UnitsCommand.PrintSummary((await services.GetRequiredService<UnitQueries>().GetAsync(created.Id, ct))!);
            return StewardCommandLine.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using Steward.Cli;

namespace Steward.Features.Finance.Cli;

// steward finance show / forecast / actuals / rebaseline / baselines / breaches / viewers: what the finance
// API does, from the command line. A change names the version it read (--if-version) or takes the current
// one, as an operator at the console means "what is there now".
internal static class FinanceMoneyCommands
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit, by code or id.", Required = true };
    private static readonly Option<string[]> Lines = new("--line") { Description = FinanceLineOption.Help, Required = true };
    private static readonly Option<string> Reason = new("--reason") { Description = "Why the money changes; kept in the history.", Required = true };
    private static readonly Option<bool> ChangeTotal = new("--change-total") { Description = "The change alters the total of the lines it names (otherwise it must only move money)." };
    private static readonly Option<int?> IfVersion = new("--if-version") { Description = "Refuse the change if the unit's money is no longer at this version (as If-Match)." };
    private static readonly Option<string> Decision = new("--decision") { Description = "The governance decision approving the baseline (DEC-0007), on the unit or above.", Required = true };
    private static readonly Option<string?> Year = new("--year") { Description = "The financial year to show, 2026-27; default this one." };
    private static readonly Option<string?> Category = new("--category") { Description = "Only this spending category." };
    private static readonly Option<bool> TotalsOnly = new("--totals-only") { Description = "true: people who hold only the Viewer role see totals; false: every line.", Required = true };

    private static readonly Option<string> MoveCategory = new("--category") { Description = "The spending category of the forecast that moves.", Required = true };
    private static readonly Option<string?> CostType = new("--cost-type") { Description = "Its cost type, where the unit splits by it." };
    private static readonly Option<string> From = new("--from") { Description = "The month it leaves: YEAR PERIOD, such as \"2026-27 P4\".", Required = true };
    private static readonly Option<string> To = new("--to") { Description = "The month it goes to, such as \"2027-28 P2\".", Required = true };
    private static readonly Option<string> Amount = new("--amount") { Description = "How much, such as 400,000 or £400k.", Required = true };

    public static IEnumerable<Command> Create() =>
        [Show(), Change("forecast", FinanceLayer.Forecast), Move(), Change("actuals", FinanceLayer.Actual), Rebaseline(), Baselines(), Breaches(), Viewers()];

    private static Command Move()
    {
        var command = new Command("move", "Move forecast money from one month to another, in the same financial year or another, keeping the total.")
        {
            Unit, MoveCategory, CostType, From, To, Amount, Reason, IfVersion,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (unit, expected) = await OpenAsync(services, parse, ct);
            var (fromYear, fromPeriod) = Month(parse.GetValue(From)!);
            var (toYear, toPeriod) = Month(parse.GetValue(To)!);
            var version = await services.GetRequiredService<FinanceService>().MoveForecastAsync(unit.Id.ToString(), expected, new ForecastMoveInput(
                parse.GetValue(MoveCategory), parse.GetValue(CostType), fromYear, fromPeriod, toYear, toPeriod, new AmountText(parse.GetValue(Amount)!), parse.GetValue(Reason)), ct);
            Console.WriteLine($"Moved {parse.GetValue(Amount)} of forecast from {parse.GetValue(From)} to {parse.GetValue(To)} for {unit.Code}; its money is now at version {version}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    // "2026-27 P4": the service says what is wrong with either part.
    private static (string? Year, string? Period) Month(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1));
    }

    private static Command Show()
    {
        var command = new Command("show", "A unit's money with everything below it: this month, the year, whole life, the cost tolerance and the units below.")
        {
            Unit, Year, Category, CommonOptions.Json,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<FinanceQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var view = await queries.ViewAsync(unit, FinanceQuery.ParseYear(parse.GetValue(Year)),
                Infrastructure.EnumText.ParseOptional<SpendingCategory>("--category", parse.GetValue(Category)), ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(view, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{view.Unit.Code}  {view.Unit.Name}: finance {view.Year}{(view.Category is null ? "" : $", {view.Category} only")} (budget baseline {view.Baseline}, version {view.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
            Console.WriteLine($"  {"",-22}{"Budget",18}{"Forecast",18}{"Actuals",18}{"Variance",18}{"%",8}");
            if (view.Month is { } month)
            {
                Row($"This month ({view.ThisMonth})", month);
            }

            Row($"Year {view.Year}", view.YearPosition);
            Row("Whole life", view.WholeLife);
            Console.WriteLine($"  {view.InYear.Measure}: {IndexModel.Judgement(view.InYear)}");
            Console.WriteLine($"  {view.WholeLifeGrowth.Measure}: {IndexModel.Judgement(view.WholeLifeGrowth)}");
            foreach (var below in view.Below)
            {
                Console.WriteLine($"  {below.Unit.Code,-14}{below.Year.Budget.Exact(),20}{below.Year.Forecast.Exact(),20}{IndexModel.Percent(below.Year.VariancePercent),8}{(below.BeyondTolerance ? "  beyond cost tolerance" : "")}  {below.Unit.Name}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static void Row(string label, FinancePosition p) =>
        Console.WriteLine($"  {label,-22}{p.Budget.Exact(),18}{p.Forecast.Exact(),18}{p.Actuals.Exact(),18}{p.Variance.Exact(),18}{IndexModel.Percent(p.VariancePercent),8}");

    private static Command Change(string name, FinanceLayer layer)
    {
        var command = layer == FinanceLayer.Forecast
            ? new Command(name, "Re-profile a unit's forecast: months named are set, the rest keep theirs; the total must stay unless --change-total.") { Unit, Lines, Reason, ChangeTotal, IfVersion }
            : new Command(name, "Record or correct a unit's actuals, only for months that have started.") { Unit, Lines, Reason, IfVersion };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (unit, expected) = await OpenAsync(services, parse, ct);
            var version = await services.GetRequiredService<FinanceService>().ChangeAsync(unit.Id.ToString(), layer, expected,
                new FinanceChangeInput(parse.GetValue(Reason), parse.GetValue(ChangeTotal), FinanceLineOption.Parse(parse.GetValue(Lines))), ct);
            Console.WriteLine($"Saved the {name} of {unit.Code}; its money is now at version {version}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Rebaseline()
    {
        var command = new Command("rebaseline", "Approve a new budget baseline: the lines named replace the current baseline's, the rest carry over, the old baseline is kept.")
        {
            Unit, Lines, Reason, Decision, IfVersion,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (unit, expected) = await OpenAsync(services, parse, ct);
            var version = await services.GetRequiredService<FinanceService>().RebaselineAsync(unit.Id.ToString(), expected,
                new BaselineInput(parse.GetValue(Reason), parse.GetValue(Decision), FinanceLineOption.Parse(parse.GetValue(Lines))), ct);
            var current = (await services.GetRequiredService<FinanceQueries>().BaselinesAsync(unit.Id, ct))[0];
            Console.WriteLine($"Approved budget baseline {current.Number} of {unit.Code} ({current.WholeLife.Exact()} whole life, its own lines) under {current.Decision}; version {version}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Baselines()
    {
        var command = new Command("baselines", "A unit's budget baselines, newest first, with the decision that approved each.") { Unit, CommonOptions.Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<FinanceQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var baselines = await queries.BaselinesAsync(unit.Id, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(baselines, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            foreach (var b in baselines)
            {
                Console.WriteLine($"{b.Number}{(b.Current ? " (current)" : ""),-10}\t{b.ApprovedOn:yyyy-MM-dd}\t{b.Decision}\t{b.WholeLife.Exact()}\t{b.Reason}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Breaches()
    {
        var command = new Command("breaches", "Every unit at or below one whose money breaches its cost tolerance, with the level each is escalated to.") { Unit, CommonOptions.Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<FinanceQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var view = await services.GetRequiredService<CostToleranceBreaches>().ListAsync(unit, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(view, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            foreach (var b in view.Breaches)
            {
                Console.WriteLine($"{b.Unit.Code}\t{b.Measure}\t{IndexModel.Percent(b.VariancePercent)}\tlimit {b.Limit:0.##}% set at {b.LimitSetAt.Code}\tescalated to {b.EscalatedTo?.Code ?? "(held at the top)"}");
            }

            Console.WriteLine($"{view.Breaches.Count} breaches among {view.UnitsJudged} units with money at or below {view.Unit.Code} ({view.Year}).");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Viewers()
    {
        var command = new Command("viewers", "Choose whether people who hold only the Viewer role see this unit's money, and that below it, as totals only.") { Unit, TotalsOnly, IfVersion };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (unit, expected) = await OpenAsync(services, parse, ct);
            var totalsOnly = parse.GetValue(TotalsOnly);
            await services.GetRequiredService<FinanceService>().SetTotalsOnlyForViewersAsync(unit.Id.ToString(), expected, new FinanceViewersInput(totalsOnly), ct);
            Console.WriteLine(totalsOnly ? $"Viewers of {unit.Code} and below now see totals only." : $"Viewers of {unit.Code} now see every line.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static async Task<(Units.IUnitLocation Unit, int? Expected)> OpenAsync(IServiceProvider services, ParseResult parse, CancellationToken ct)
    {
        var queries = services.GetRequiredService<FinanceQueries>();
        var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
        return (unit, parse.GetValue(IfVersion) ?? await queries.VersionAsync(unit.Id, ct));
    }
}

using System.CommandLine;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Steward.Cli;
using Steward.Features.Finance.BusinessCases;

namespace Steward.Features.Finance.Cli;

// steward business-case show / save / approve / set-baseline: the business case API from the command line.
// save reads the same JSON the API's PUT takes, so a case drafted in a file can be loaded and re-loaded.
internal static class BusinessCaseCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The project or programme, by code or id.", Required = true };
    private static readonly Option<string> File = new("--file") { Description = "The case as JSON, in the shape PUT /api/v1/units/{unit}/business-case takes.", Required = true };
    private static readonly Option<int?> IfVersion = new("--if-version") { Description = "Refuse the change if the case is no longer at this version (as If-Match)." };
    private static readonly Option<string> Stage = new("--stage") { Description = "The stage approved: soc, sobc, obc, fbc or bjc.", Required = true };
    private static readonly Option<string> Decision = new("--decision") { Description = "The decision in the governance log that approved it (DEC-0007).", Required = true };
    private static readonly Option<string> Category = new("--category") { Description = "The spending category the preferred option's costs are budgeted in.", Required = true };

    public static Command Create() => new("business-case", "A project's or programme's business case: the five cases, its stage and approval, and the options appraisal.")
    {
        Show(), Save(), Approve(), SetBaseline(),
    };

    private static Command Show()
    {
        var command = new Command("show", "The case's stage and approval, and each option's present values, NPSV and BCR.") { Unit, CommonOptions.Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<FinanceQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var view = await services.GetRequiredService<BusinessCaseQueries>().ViewAsync(unit, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(view, UnitsCommand.JsonOutput));
                return StewardCommandLine.Success;
            }

            if (view.Version == 0)
            {
                Console.WriteLine($"{view.Unit.Code} has no business case yet.");
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{view.Unit.Code}  {view.Unit.Name}: business case at {ShowModel.Stage(view.Stage)} (version {view.Version})");
            Console.WriteLine(view.ApprovedStage is null
                ? "  No stage approved yet."
                : $"  {ShowModel.Stage(view.ApprovedStage)} approved on {view.ApprovedOn:yyyy-MM-dd} by {view.ApprovedBy ?? "a decision"} ({view.ApprovalDecision})");
            Console.WriteLine($"  Real prices of {view.BaseYear}; optimism bias for {view.OptimismBias?.Label.ToLowerInvariant()}");
            Console.WriteLine($"  {"Option",-30}{"PV costs",18}{"PV benefits",18}{"NPSV",18}{"BCR",8}");
            foreach (var o in view.Options)
            {
                var a = o.Appraisal;
                Console.WriteLine($"  {(o.Preferred ? "* " : "") + o.Name,-30}{ShowModel.Pounds(a.PresentCosts),18}{ShowModel.Pounds(a.PresentBenefits),18}{ShowModel.Pounds(a.Npsv),18}{a.Bcr?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-",8}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Save()
    {
        var command = new Command("save", "Write the business case from a JSON file; options are matched by name and replace those held.") { Unit, File, IfVersion };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new ValidationException([new ValidationFailure("--file", $"no file at {path}")]);
            }

            BusinessCaseInput input;
            try
            {
                await using var file = System.IO.File.OpenRead(path);
                input = await JsonSerializer.DeserializeAsync<BusinessCaseInput>(file, UnitsCommand.JsonOutput, ct)
                    ?? throw new ValidationException([new ValidationFailure("--file", $"{path} holds no business case")]);
            }
            catch (JsonException bad)
            {
                throw new ValidationException([new ValidationFailure("--file", $"{path} is not a business case in JSON: {bad.Message}")]);
            }

            var (unit, expected) = await OpenAsync(services, parse, ct);
            var version = await services.GetRequiredService<BusinessCaseService>().SaveAsync(unit.Id.ToString(), expected, input, ct);
            Console.WriteLine($"Saved the business case of {unit.Code}; version {version}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Approve()
    {
        var command = new Command("approve", "Record a stage of the case approved by a decision in the governance log.") { Unit, Stage, Decision, IfVersion };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (unit, expected) = await OpenAsync(services, parse, ct);
            var version = await services.GetRequiredService<BusinessCaseService>().ApproveAsync(unit.Id.ToString(), expected,
                new ApprovalInput(parse.GetValue(Stage), parse.GetValue(Decision)), ct);
            Console.WriteLine($"Recorded {parse.GetValue(Stage)} of {unit.Code} as approved under {parse.GetValue(Decision)}; version {version}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command SetBaseline()
    {
        var command = new Command("set-baseline", "Set the unit's budget baseline from the approved full business case's preferred option.") { Unit, Category };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<FinanceQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            await services.GetRequiredService<BusinessCaseService>().SetFinanceBaselineAsync(unit.Id.ToString(), new CaseBaselineInput(parse.GetValue(Category)), ct);
            var current = (await services.GetRequiredService<FinanceQueries>().BaselinesAsync(unit.Id, ct))[0];
            Console.WriteLine($"Budget baseline {current.Number} of {unit.Code} set from its business case: {current.WholeLife.Exact()} whole life.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static async Task<(Units.IUnitLocation Unit, int? Expected)> OpenAsync(IServiceProvider services, ParseResult parse, CancellationToken ct)
    {
        var unit = await services.GetRequiredService<FinanceQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
        var current = (await services.GetRequiredService<BusinessCaseQueries>().ViewAsync(unit, ct)).Version;
        return (unit, parse.GetValue(IfVersion) ?? (current == 0 ? null : current));
    }
}

using System.CommandLine;
using Spectre.Console;
using Steward.Data;
using Steward.Infrastructure.Modules;

namespace Steward.Cli;

internal static class SeedCommand
{
    private static readonly Option<bool> Demo = new("--demo") { Description = "The demo department: 2 portfolios, 4 programmes, 15 projects and their people." };
    private static readonly Option<bool> Synthetic = new("--synthetic") { Description = "A large deterministic portfolio for benchmarks." };
    private static readonly Option<int> Units = new("--units") { Description = "How many delivery units --synthetic makes.", DefaultValueFactory = _ => 10_000 };
    private static readonly Option<int> History = new("--history") { Description = "How many past changes --synthetic adds to the units' history (for the audit benchmark).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Seed = new("--seed") { Description = "The seed number for --synthetic; the same seed gives the same portfolio.", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("seed", "Fill an empty database with the demo department or a synthetic portfolio.") { Demo, Synthetic, Units, History, Seed };
        // Each module's records for the synthetic department (--raid N), made afresh for each command line.
        var registers = StewardModules.SyntheticSeeds
            .Select(seed => (Seed: seed, Option: new Option<int>(seed.Option) { Description = seed.Description, DefaultValueFactory = _ => 0 }))
            .ToList();
        foreach (var register in registers)
        {
            command.Options.Add(register.Option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(Demo) == result.GetValue(Synthetic))
            {
                result.AddError("choose one of --demo or --synthetic");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(Synthetic) && parse.GetValue(Units) is < 1 or > 1_000_000)
            {
                throw new CommandFailure("--units must be between 1 and 1000000", StewardCommandLine.BadUsage);
            }

            foreach (var (seed, option) in registers)
            {
                if (parse.GetValue(option) < 0 || parse.GetValue(option) > seed.Max)
                {
                    throw new CommandFailure($"{seed.Option} must be between 0 and {seed.Max}", StewardCommandLine.BadUsage);
                }
            }

            if (parse.GetValue(History) is < 0 or > 100_000_000)
            {
                throw new CommandFailure("--history must be between 0 and 100000000", StewardCommandLine.BadUsage);
            }

            using var host = CliHost.Build(CommonOptions.Overrides(parse));
            await host.Services.MigrateStewardDatabaseAsync(ct);
            return parse.GetValue(Demo) ? await SeedDemoAsync(host, ct) : await SeedSyntheticAsync(
                host, parse.GetValue(Units), parse.GetValue(History), registers.Select(r => (r.Seed, parse.GetValue(r.Option))).ToList(), parse.GetValue(Seed), ct);
        });
        return command;
    }

    private static async Task<int> SeedDemoAsync(IHost host, CancellationToken ct)
    {
        if (!await DemoDepartment.SeedIfEmptyAsync(host.Services, ct))
        {
            throw new CommandFailure("the database already holds delivery units; the demo department goes only into an empty database");
        }

        Console.WriteLine("Seeded the demo department: 2 portfolios, 4 programmes, 15 projects.");
        return StewardCommandLine.Success;
    }

    private static async Task<int> SeedSyntheticAsync(
        IHost host, int units, int history, IReadOnlyList<(SyntheticSeed Seed, int Count)> registers, int seed, CancellationToken ct)
    {
        var synthetic = new SyntheticPortfolio(units, seed);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Seeding {units:N0} units, {synthetic.People:N0} people and {synthetic.RoleAssignments:N0} roles", maxValue: units + synthetic.People + synthetic.RoleAssignments);
                    await synthetic.SeedAsync(db, new Progress<int>(done => task.Value = done), ct);
                    task.Value = task.MaxValue;
                    if (history > 0)
                    {
                        var past = progress.AddTask($"Writing {history:N0} past changes", maxValue: history);
                        await new SyntheticHistory(history, seed).SeedAsync(db, new Progress<int>(done => past.Value = done), ct);
                        past.Value = past.MaxValue;
                    }

                    foreach (var (register, count) in registers.Where(r => r.Count > 0))
                    {
                        var log = progress.AddTask($"Writing {count:N0} {register.Records}", maxValue: count);
                        await register.SeedAsync(new SyntheticSeedContext(db, count, seed, new Progress<int>(done => log.Value = done), scope.ServiceProvider), ct);
                        log.Value = log.MaxValue;
                    }
                });
        }
        catch (InvalidOperationException e)
        {
            throw new CommandFailure(e.Message);
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Console.WriteLine($"Seeded {units:N0} synthetic units, {synthetic.People:N0} people, {synthetic.RoleAssignments:N0} role assignments, {history:N0} past changes{string.Concat(registers.Select(r => $", {r.Count:N0} {r.Seed.Records}"))} (seed {seed}) in {elapsed.TotalSeconds:F1} s.");
        return StewardCommandLine.Success;
    }
}

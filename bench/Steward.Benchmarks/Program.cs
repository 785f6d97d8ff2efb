using BenchmarkDotNet.Running;
using Steward.Benchmarks;

// "time N": schedule a synthetic plan of N tasks a few times and print each run, for profiling by hand.
if (args is ["time", var size])
{
    var plan = SyntheticPlan.Generate(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), linksPerTask: 2, seed: 42);
    for (var i = 0; i < 8; i++)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var schedule = Steward.Scheduling.Scheduler.Run(plan);
        Console.WriteLine($"{clock.ElapsedMilliseconds} ms, finish {schedule.Finish:yyyy-MM-dd}, {schedule.CriticalPaths.Count} critical paths, peak working set {Environment.WorkingSet / 1024 / 1024} MB");
    }

    return 0;
}

// "taskjuggler N FOLDER": the same generated plan scheduled by Steward and by tj3, dates compared.
if (args is ["taskjuggler", var tasks, var folder])
{
    return TaskJugglerComparison.Run(int.Parse(tasks, System.Globalization.CultureInfo.InvariantCulture), folder);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

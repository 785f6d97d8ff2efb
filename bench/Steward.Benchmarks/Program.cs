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

// "mspdi N FILE": the synthetic plan of N tasks as Microsoft Project XML, for the plan page benchmark.
if (args is ["mspdi", var count, var file])
{
    var plan = SyntheticPlan.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), linksPerTask: 2, seed: 42);
    var uids = plan.Tasks.Select((t, i) => (t.Id, Uid: i + 1)).ToDictionary(x => x.Id, x => x.Uid);
    var mspdiTasks = plan.Tasks.Select(t => new Steward.Scheduling.Mspdi.MspdiTask(
        uids[t.Id], t.Name, t.ParentId is null ? 1 : 2, t.ParentId is null, t.ParentId is not null && t.Duration.Minutes == 0, t.Duration, 7,
        t.Constraint, t.ConstraintDate, t.Deadline, null, 0, null, null, null)).ToList();
    // Microsoft Project keeps one link between two tasks; the generator can draw the same pair twice.
    var links = plan.Links.DistinctBy(l => (l.PredecessorId, l.SuccessorId)).Select(l => l with { PredecessorId = uids[l.PredecessorId].ToString(System.Globalization.CultureInfo.InvariantCulture), SuccessorId = uids[l.SuccessorId].ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
    using var output = File.Create(file);
    Steward.Scheduling.Mspdi.MspdiWriter.Write(output, new Steward.Scheduling.Mspdi.MspdiProject($"Synthetic plan of {count} tasks", plan.Start, 480, plan.Calendar, mspdiTasks, links));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

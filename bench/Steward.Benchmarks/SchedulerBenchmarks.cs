using BenchmarkDotNet.Attributes;
using Steward.Scheduling;

namespace Steward.Benchmarks;

// The scheduler's speed targets: 100,000 tasks with 200,000 links in at most 200 ms; 1,000,000 tasks
// (2,000,000 links) in at most 3 s and 1 GB. Memory is BenchmarkDotNet's allocated bytes per run.
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SchedulerBenchmarks
{
    private Plan plan = default!;

    [Params(100_000, 1_000_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup() => plan = SyntheticPlan.Generate(Tasks, linksPerTask: 2, seed: 42);

    [Benchmark]
    public Schedule Schedule() => Scheduler.Run(plan);
}

using Steward.Infrastructure.Modules;

namespace Steward.Features.Plans;

// The demo department's plans: two projects of the Digital Borders Programme, each a small outline
// with milestones reported at project, programme and portfolio level, a baseline, and one slip since
// it (carrier testing took longer), so the milestones page and roadmap have something to show. Carrier
// testing waits on the data platform project's identity matching: a link across the two plans, which
// delivers the RAID dependency DemoRaid raises between them.
internal static class DemoPlans
{
    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var sp = demo.Services;
        var plans = sp.GetRequiredService<PlanService>();
        var baselines = sp.GetRequiredService<PlanBaselines>();

        async Task<Dictionary<string, int>> BuildAsync(string unit, (string Key, string Name, string? Parent, string Duration, string? After, MilestoneLevel? Level)[] tasks)
        {
            var uids = new Dictionary<string, int>();
            foreach (var (key, name, parent, duration, after, level) in tasks)
            {
                // A predecessor in another unit's plan is given as it is typed: CODE/uid.
                var predecessors = after is null ? null : string.Join(", ", after.Split(',').Select(a => a.Contains('/', StringComparison.Ordinal) ? a.Trim() : $"{uids[a.Trim()]}"));
                var task = await plans.AddTaskAsync(unit, new TaskInput(
                    name, parent is null ? null : uids[parent], duration, Predecessors: predecessors, ReportingLevel: level), ct);
                uids[key] = task.Uid;
            }

            return uids;
        }

        var platform = await BuildAsync("DPP-PRJ-002",
        [
            ("platform", "Data platform", null, "0d", null, null),
            ("ingest", "Ingest border crossing feeds", "platform", "30d", null, null),
            ("matching", "Identity matching", "platform", "25d", "ingest", null),
            ("ready", "Platform ready for ETA", null, "0d", "matching", MilestoneLevel.Programme),
            ("migrate", "Migrate legacy warehouse", null, "45d", "ready", null),
            ("decommission", "Legacy warehouse switched off", null, "0d", "migrate", MilestoneLevel.Portfolio),
        ]);
        await baselines.SetAsync("DPP-PRJ-002", new BaselineInput("Approved at the outline business case"), ct);

        var eta = await BuildAsync("DPP-PRJ-001",
        [
            ("discovery", "Discovery and alpha", null, "0d", null, null),
            ("research", "User research with travellers", "discovery", "15d", null, null),
            ("design", "Service design", "discovery", "20d", "research", null),
            ("alpha", "Alpha assessment passed", "discovery", "0d", "design", MilestoneLevel.Programme),
            ("build", "Build", null, "0d", null, null),
            ("api", "Carrier API", "build", "40d", "alpha", null),
            ("app", "Traveller application", "build", "35d", "alpha", null),
            ("carriers", "Carrier integration testing", "build", "25d", $"api, DPP-PRJ-002/{platform["ready"]}", null),
            ("beta", "Private beta open", null, "0d", "carriers, app", MilestoneLevel.Programme),
            ("public", "Public beta: applications open to all", null, "30d", "beta", null),
            ("live", "ETA required for all visitors", null, "0d", "public", MilestoneLevel.Portfolio),
        ]);
        await baselines.SetAsync("DPP-PRJ-001", new BaselineInput("Approved at the outline business case", "Full business case approved by the programme board"), ct);

        // Since the baseline: carrier testing needs ten more days, which moves private beta and go-live right.
        var task = await sp.GetRequiredService<PlanQueries>().TaskAsync(await sp.GetRequiredService<Features.Units.UnitQueries>().RequireAsync("DPP-PRJ-001", ct), eta["carriers"], ct);
        await plans.UpdateTaskAsync("DPP-PRJ-001", task.Uid, task.Version, new TaskInput(task.Name, Duration: "35d", Predecessors: task.Predecessors), ct);
    }
}

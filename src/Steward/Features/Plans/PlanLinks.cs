using System.Globalization;
using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Plans;

// The addresses of the plan pages. unit: the unit's code.
[PageLinks]
public static class PlanLinks
{
    // baseline: the number of the baseline to compare with.
    public static string Plan(string unit, int? baseline = null) =>
        $"/units/{Segment(unit)}/plan" + (baseline is { } number ? $"?baseline={number.ToString(CultureInfo.InvariantCulture)}" : string.Empty);

    // task: the task's number; null for a new task.
    public static string Task(string unit, int? task = null) =>
        $"/units/{Segment(unit)}/plan/task" + (task is { } uid ? $"/{uid.ToString(CultureInfo.InvariantCulture)}" : string.Empty);

    public static string Settings(string unit) => $"/units/{Segment(unit)}/plan/settings";

    public static string Import(string unit) => $"/units/{Segment(unit)}/plan/import";

    public static string Baselines(string unit) => $"/units/{Segment(unit)}/plan/baselines";

    public static string Milestones(string unit) => $"/units/{Segment(unit)}/milestones";

    public static string Roadmap(string unit) => $"/units/{Segment(unit)}/roadmap";
}

using Steward.Features.Plans;

namespace Steward.Tests.Plans;

// Outline moves on a plan of two phases: 1 Discovery (2 Research, 3 Design), 4 Build (5 Code), 6 Launch.
public sealed class PlanOutlineTests
{
    [Theory]
    [InlineData(4, OutlineMove.Up, "4:1 5:2 1:1 2:2 3:2 6:1")]
    [InlineData(1, OutlineMove.Down, "4:1 5:2 1:1 2:2 3:2 6:1")]
    [InlineData(3, OutlineMove.Up, "1:1 3:2 2:2 4:1 5:2 6:1")]
    [InlineData(4, OutlineMove.Indent, "1:1 2:2 3:2 4:2 5:3 6:1")]
    [InlineData(3, OutlineMove.Indent, "1:1 2:2 3:3 4:1 5:2 6:1")]
    [InlineData(2, OutlineMove.Outdent, "1:1 3:2 2:1 4:1 5:2 6:1")]
    [InlineData(6, OutlineMove.Indent, "1:1 2:2 3:2 4:1 5:2 6:2")]
    public void ATask_MovesWithEverythingUnderIt(int uid, OutlineMove move, string expected)
    {
        var plan = Plan();
        Assert.Null(PlanOutline.Move(plan, plan.FindIndex(t => t.Uid == uid), move));
        Assert.Equal(expected, string.Join(' ', plan.Select(t => $"{t.Uid}:{t.OutlineLevel}")));
    }

    [Theory]
    [InlineData(1, OutlineMove.Up, "already the first task of the plan")]
    [InlineData(6, OutlineMove.Down, "already the last task of the plan")]
    [InlineData(2, OutlineMove.Up, "already the first task under its summary task")]
    [InlineData(3, OutlineMove.Down, "already the last task under its summary task")]
    [InlineData(2, OutlineMove.Indent, "Only a task with another task above it at the same level")]
    [InlineData(1, OutlineMove.Outdent, "already at the top level")]
    public void AMoveOffTheOutline_IsRefused_AndNothingMoves(int uid, OutlineMove move, string reason)
    {
        var plan = Plan();
        Assert.Contains(reason, PlanOutline.Move(plan, plan.FindIndex(t => t.Uid == uid), move), StringComparison.Ordinal);
        Assert.Equal("1:1 2:2 3:2 4:1 5:2 6:1", string.Join(' ', plan.Select(t => $"{t.Uid}:{t.OutlineLevel}")));
    }

    private static List<PlannedTask> Plan() =>
    [
        new() { Uid = 1, Name = "Discovery", OutlineLevel = 1 },
        new() { Uid = 2, Name = "Research", OutlineLevel = 2 },
        new() { Uid = 3, Name = "Design", OutlineLevel = 2 },
        new() { Uid = 4, Name = "Build", OutlineLevel = 1 },
        new() { Uid = 5, Name = "Code", OutlineLevel = 2 },
        new() { Uid = 6, Name = "Launch", OutlineLevel = 1 },
    ];
}

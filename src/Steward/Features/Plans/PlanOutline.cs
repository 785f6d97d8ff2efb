namespace Steward.Features.Plans;

public enum OutlineMove
{
    Up,
    Down,
    Indent,
    Outdent,
}

public sealed record TaskMoveInput(OutlineMove? Move);

// Moves in a plan's outline, as Microsoft Project's outline buttons make them. A task always moves with
// everything under it. Up and down swap it with the task above or below it at the same level, under the
// same summary task; indenting puts it under the task above it at its level, which becomes its summary
// task; outdenting lifts it one level and places it after its old summary task and all that summary's
// other tasks, which stay where they were.
public static class PlanOutline
{
    // The outline after the move, or why the move cannot be made.
    public static string? Move(List<PlannedTask> ordered, int index, OutlineMove move)
    {
        var level = ordered[index].OutlineLevel;
        var end = EndOf(ordered, index);
        var block = ordered.GetRange(index, end - index);
        var above = index - 1;
        while (above >= 0 && ordered[above].OutlineLevel > level)
        {
            above--;
        }

        var hasAbove = above >= 0 && ordered[above].OutlineLevel == level;
        switch (move)
        {
            case OutlineMove.Up:
                if (!hasAbove)
                {
                    return level == 1 ? "It is already the first task of the plan" : "It is already the first task under its summary task";
                }

                ordered.RemoveRange(index, block.Count);
                ordered.InsertRange(above, block);
                return null;

            case OutlineMove.Down:
                if (end >= ordered.Count || ordered[end].OutlineLevel < level)
                {
                    return level == 1 ? "It is already the last task of the plan" : "It is already the last task under its summary task";
                }

                var belowEnd = EndOf(ordered, end);
                ordered.RemoveRange(index, block.Count);
                ordered.InsertRange(belowEnd - block.Count, block);
                return null;

            case OutlineMove.Indent:
                if (!hasAbove)
                {
                    return "Only a task with another task above it at the same level can be indented: that task becomes its summary task";
                }

                block.ForEach(t => t.OutlineLevel++);
                return null;

            default:
                if (level == 1)
                {
                    return "It is already at the top level of the outline";
                }

                var summary = index - 1;
                while (ordered[summary].OutlineLevel >= level)
                {
                    summary--;
                }

                var summaryEnd = EndOf(ordered, summary);
                block.ForEach(t => t.OutlineLevel--);
                ordered.RemoveRange(index, block.Count);
                ordered.InsertRange(summaryEnd - block.Count, block);
                return null;
        }
    }

    // Just past the last task under the one at this index.
    public static int EndOf(IReadOnlyList<PlannedTask> ordered, int index)
    {
        var end = index + 1;
        while (end < ordered.Count && ordered[end].OutlineLevel > ordered[index].OutlineLevel)
        {
            end++;
        }

        return end;
    }
}

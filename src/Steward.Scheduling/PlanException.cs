namespace Steward.Scheduling;

// A plan that cannot be scheduled as given: the message says which task, link or calendar, and why.
public class PlanException(string message) : Exception(message);

// Tasks that wait on each other in a loop. Names them in order, the first again at the end.
public sealed class DependencyCycleException(IReadOnlyList<string> taskNames)
    : PlanException($"These tasks depend on each other in a loop: {string.Join(" → ", taskNames)}. Remove one of the links.")
{
    public IReadOnlyList<string> TaskNames { get; } = taskNames;
}

namespace Steward.Tests.Jobs;

// Tests that run several Steward nodes (in this process or as processes of their own) and count what their
// schedulers do second by second: they run alone, after the rest, so that two cores shared with the whole
// suite neither starve a fixed-time command elsewhere nor stretch the seconds these tests count.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTimingCollection
{
    public const string Name = "Cluster timing";
}

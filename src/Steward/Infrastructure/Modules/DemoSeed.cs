namespace Steward.Infrastructure.Modules;

// What a module's part of the demo department starts from: the units and people already made, by the
// keys the demo gives them (DemoPeople), and the day the demo is made, which its dates count from.
public sealed record DemoSeedContext(IServiceProvider Services, IReadOnlyDictionary<string, Guid> People, DateOnly Today);

// A module's part of the demo department. Order places it among the others, lowest first: tolerances
// (10) before the RAID items they place (20), and those before the decisions and actions that name
// them (30) and the plans whose links deliver them (40).
public sealed record DemoSeed(int Order, Func<DemoSeedContext, CancellationToken, Task> SeedAsync);

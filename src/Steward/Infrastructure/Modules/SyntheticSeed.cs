using Steward.Data;

namespace Steward.Infrastructure.Modules;

// What a module's synthetic data is made in: the database already holding the synthetic portfolio (units,
// people, roles), how many records were asked for, the seed (the same seed gives the same data), and
// where to report how many are written. Services: the scope Db belongs to, for a module whose records
// are worked out from the others' (status reports quote the registers).
public sealed record SyntheticSeedContext(StewardDbContext Db, int Count, int Seed, IProgress<int> Progress, IServiceProvider? Services = null);

// A module's part of `steward seed --synthetic`, for the benchmarks at scale: the option that asks for it
// (--raid N), what the progress bar calls the records, the most that may be asked for, and the writer.
// Order places it among the others, lowest first, as DemoSeed does.
public sealed record SyntheticSeed(int Order, string Option, string Description, string Records, int Max, Func<SyntheticSeedContext, CancellationToken, Task> SeedAsync);

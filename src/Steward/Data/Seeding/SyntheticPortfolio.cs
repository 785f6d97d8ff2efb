using Microsoft.EntityFrameworkCore;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Features.Units;

namespace Steward.Data;

// The government-wide instance that benchmarks run against. The same seed always gives the same tree,
// names, people and dates; only the creation instants differ between runs.
public sealed class SyntheticPortfolio(int units, int seed)
{
    private const int BatchSize = 2000;
    private static readonly DateOnly Epoch = new(2026, 4, 1);

    public int Units { get; } = units;
    public int People { get; } = Math.Clamp(units / 5, 10, 2000);

    // One role assignment for every five units: 2,000 for the 10,000 of the benchmarks.
    public int RoleAssignments { get; } = units / 5;

    public async Task SeedAsync(StewardDbContext db, IProgress<int> progress, CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(ct))
        {
            throw new InvalidOperationException($"the database already holds {await db.Units.CountAsync(ct)} units; seed the synthetic portfolio into an empty database");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(seed);
        var personIds = new Guid[People];
        var pending = new List<object>(BatchSize);
        var done = 0;

        async Task FlushAsync()
        {
            db.AddRange(pending);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += pending.Count;
            pending.Clear();
            progress.Report(done);
        }

        for (var i = 0; i < People; i++)
        {
            var (first, last) = (SyntheticWords.FirstNames[random.Next(SyntheticWords.FirstNames.Length)], SyntheticWords.LastNames[random.Next(SyntheticWords.LastNames.Length)]);
            personIds[i] = NextGuid(random);
            pending.Add(new Person { Id = personIds[i], Name = $"{first} {last}", Email = $"{first}.{last}.{i + 1}@synthetic.example".ToLowerInvariant(), RoleTitle = SyntheticWords.Roles[i % SyntheticWords.Roles.Length] });
            if (pending.Count == BatchSize)
            {
                await FlushAsync();
            }
        }

        var portfolios = Math.Max(1, Units / 500);
        var programmes = Math.Max(Units >= 3 ? 1 : 0, Units / 10);
        var projects = Math.Max(0, Units - portfolios - programmes);
        var paths = new Dictionary<Guid, string>(Units);
        var unitIds = new List<Guid>(Units);
        var portfolioIds = new List<Guid>(portfolios);
        var programmeIds = new List<Guid>(programmes);

        for (var i = 0; i < portfolios; i++)
        {
            pending.Add(NewUnit(random, personIds, UnitKind.Portfolio, $"SYN-PFL-{i + 1:D4}", null, paths, out var id));
            portfolioIds.Add(id);
            await FlushIfFullAsync();
        }

        for (var i = 0; i < programmes; i++)
        {
            // One programme in five is a tranche or sub-programme of an earlier programme.
            var parent = programmeIds.Count > 0 && random.Next(5) == 0
                ? programmeIds[random.Next(programmeIds.Count)]
                : portfolioIds[random.Next(portfolioIds.Count)];
            pending.Add(NewUnit(random, personIds, UnitKind.Programme, $"SYN-PRG-{i + 1:D5}", parent, paths, out var id));
            programmeIds.Add(id);
            await FlushIfFullAsync();
        }

        for (var i = 0; i < projects; i++)
        {
            var parent = programmeIds.Count > 0 && random.Next(10) != 0
                ? programmeIds[random.Next(programmeIds.Count)]
                : portfolioIds[random.Next(portfolioIds.Count)];
            pending.Add(NewUnit(random, personIds, UnitKind.Project, $"SYN-PRJ-{i + 1:D6}", parent, paths, out _));
            await FlushIfFullAsync();
        }

        // People hold roles mostly on programmes and projects, the way a department staffs its work.
        unitIds.AddRange(paths.Keys);
        var roles = Enum.GetValues<StewardRole>().Where(r => r != StewardRole.Administrator).ToArray();
        for (var i = 0; i < RoleAssignments; i++)
        {
            pending.Add(new RoleAssignment
            {
                Id = NextGuid(random),
                PersonId = personIds[random.Next(personIds.Length)],
                Role = roles[random.Next(roles.Length)],
                UnitId = unitIds[random.Next(unitIds.Count)],
            });
            await FlushIfFullAsync();
        }

        if (pending.Count > 0)
        {
            await FlushAsync();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;

        async Task FlushIfFullAsync()
        {
            if (pending.Count == BatchSize)
            {
                await FlushAsync();
            }
        }
    }

    private static DeliveryUnit NewUnit(Random random, Guid[] people, UnitKind kind, string code, Guid? parentId, Dictionary<Guid, string> paths, out Guid id)
    {
        id = NextGuid(random);
        var path = UnitPath.Child(parentId is { } p ? paths[p] : null, id);
        paths[id] = path;
        var start = Epoch.AddDays(random.Next(-1500, 400));
        var end = start.AddDays(random.Next(120, kind == UnitKind.Project ? 1500 : 3000));
        var slip = random.Next(10) < 6 ? 0 : random.Next(1, 240);
        // Only projects are ever closed here: a closed programme may not hold open projects.
        var closed = kind == UnitKind.Project && random.Next(100) < 7;
        var stage = closed ? LifecycleStage.Closed : (LifecycleStage)random.Next(0, 4);
        return new DeliveryUnit
        {
            Id = id,
            Path = path,
            Code = code,
            Name = SyntheticWords.NameFor(random, kind),
            Kind = kind,
            ParentId = parentId,
            Category = (UnitCategory)random.Next(0, 5),
            Stage = stage,
            Status = closed ? UnitStatus.Closed : random.Next(100) < 8 ? UnitStatus.Paused : UnitStatus.Active,
            Description = $"Synthetic {kind.ToString().ToLowerInvariant()} generated for load and scale testing.",
            SroId = people[random.Next(people.Length)],
            ManagerId = people[random.Next(people.Length)],
            PmoContactId = people[random.Next(people.Length)],
            BaselineStart = start,
            BaselineEnd = end,
            ForecastStart = start,
            ForecastEnd = end.AddDays(slip),
        };
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

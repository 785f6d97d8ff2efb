using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Reporting;

// Status reports for the synthetic department, for the reporting benchmarks: the last N months for every
// programme and project, each approved with a snapshot. A unit's snapshots quote the registers as they
// stand (gathered for one unit in ten and moved to each period), so their size is that of a real report's. Ratings wander month to month. Written in batches through EF Core, each with its history.
public sealed class SyntheticReports(int months, int seed)
{
    private const int BatchSize = 2_000;
    private const int Sample = 10;
    private static readonly DcaRating[] ThreePoint = [DcaRating.Green, DcaRating.Amber, DcaRating.Red];

    public async Task SeedAsync(StewardDbContext db, IServiceProvider services, IProgress<int> progress, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(ct);
        if (units.Count == 0 || months == 0)
        {
            return;
        }

        var random = new Random(seed);
        var prefill = services.GetRequiredService<ReportPrefill>();
        var unitQueries = services.GetRequiredService<UnitQueries>();
        var latest = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        var first = Enumerable.Range(1, months - 1).Aggregate(latest, (p, _) => p.Previous());
        var number = await db.StatusReports.MaxAsync(r => (int?)r.Number, ct) ?? 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pending = 0;
        ReportFacts? facts = null;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = await unitQueries.GetAsync(units[u], ct) ?? throw new InvalidOperationException($"unit {units[u]} has gone");
            // Gathering is most of the cost: one unit in Sample gathers its own, the next ones quote the same
            // registers under their own code, so the snapshots keep the size of real ones.
            facts = u % Sample == 0 || facts is null ? await prefill.GatherAsync(unit, latest, null, ct) : facts with { Unit = unit.Code };
            var dca = random.Next(3);
            var period = first;
            for (var month = 0; month < months; month++, period = period.Next())
            {
                // Mostly steady; now and then a step better or worse.
                dca = Math.Clamp(dca + (random.Next(6) switch { 0 => -1, 1 => 1, _ => 0 }), 0, 2);
                var submitted = period.End.AddDays(3).ToDateTime(new TimeOnly(9, 0));
                var report = new StatusReport
                {
                    Id = Guid.CreateVersion7(), UnitId = unit.Id, Number = ++number, Cadence = ReportingCadence.Monthly, Period = period.Key,
                    PeriodStart = period.Start, PeriodEnd = period.End, State = StatusReportState.Approved, DcaScale = DcaScale.ThreePoint,
                    Dca = ThreePoint[dca], DcaJustification = dca == 0 ? null : "Issues being worked through with the supplier.",
                    Summary = $"{unit.Code} in {period.Describe()}: {(dca == 0 ? "on track" : dca == 1 ? "significant issues, resolvable" : "delivery in doubt")}.",
                    Achievements = "Sprint reviews held; design authority approved the architecture.", NextPeriod = "Integration testing; gateway review preparation.",
                    SubmittedAt = submitted, SubmittedBy = "Synthetic SRO", DecidedAt = submitted.AddDays(1), DecidedBy = "Synthetic PMO",
                };
                foreach (var dimension in Enum.GetValues<ReportDimension>())
                {
                    var rag = (Rag)Math.Clamp(dca + random.Next(-1, 2), 0, 2);
                    report.Rate(dimension, rag, rag == Rag.Green ? null : "Being managed.");
                }

                db.StatusReports.Add(report);
                var (content, digest) = SnapshotContent.Pack(new SnapshotDocument(
                    facts with { Period = period.Key, PeriodStart = period.Start, PeriodEnd = period.End }, SnapshotContent.RatingsOf(report), SnapshotContent.WordsDigest(report)));
                db.ReportSnapshots.Add(new ReportSnapshot { Id = Guid.CreateVersion7(), ReportId = report.Id, TakenAt = submitted, Content = content, Digest = digest });
                pending++;
            }

            if (pending >= BatchSize || u == units.Count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
                progress.Report((int)((long)(u + 1) * months / units.Count));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}

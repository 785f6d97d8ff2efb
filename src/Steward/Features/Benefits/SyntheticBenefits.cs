using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Benefits.Map;
using Steward.Features.Units;

namespace Steward.Features.Benefits;

// Benefits for the synthetic portfolio, for the benefits benchmarks: N benefits on its programmes and
// projects (the first programme holding 200, for the map), each with a yearly profile and 50 monthly
// measurements (100,000 benefits are 5,000,000 measurements), the tracking rows the write path keeps, and a
// benefits map: two objectives per portfolio, two business changes per programme, every project enabling
// one, every benefit from a change of its programme to an objective of its portfolio. Written by bulk
// insert in batches, each measurement with its history event as a real one would have.
public sealed class SyntheticBenefits(int count, int seed)
{
    public const int MeasurementsEach = 50;
    public const int MapProgrammeBenefits = 200;
    private const int Batch = 2_000;
    private static readonly DateOnly Today = new(2026, 11, 26);

    public async Task SeedAsync(StewardDbContext db, IProgress<int> progress, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Kind, u.Path, u.ParentId, u.Code }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        if (count == 0 || units.Count == 0 || people.Count == 0)
        {
            return;
        }

        var random = new Random(seed);
        var byId = units.ToDictionary(u => u.Id);
        var delivery = units.Where(u => u.Kind != UnitKind.Portfolio).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var first = delivery.Where(u => u.Kind == UnitKind.Programme).OrderBy(u => u.Code, StringComparer.Ordinal).First();
        Guid PortfolioOf(Guid unit) => UnitPath.Ids(byId[unit].Path)[0];
        Guid? ProgrammeOf(Guid unit)
        {
            for (var at = (Guid?)unit; at is { } id; at = byId[id].ParentId)
            {
                if (byId[id].Kind == UnitKind.Programme)
                {
                    return id;
                }
            }

            return null;
        }

        // The map's frame first: objectives, changes, and projects enabling a change of their programme.
        var objectives = new Dictionary<Guid, Guid[]>();
        var changes = new Dictionary<Guid, Guid[]>();
        var number = await db.StrategicObjectives.MaxAsync(o => (int?)o.Number, ct) ?? 0;
        var changeNumber = await db.BusinessChanges.MaxAsync(c => (int?)c.Number, ct) ?? 0;
        await InBulkAsync(db, () =>
        {
            foreach (var portfolio in units.Where(u => u.Kind == UnitKind.Portfolio))
            {
                objectives[portfolio.Id] = [.. Enumerable.Range(1, 2).Select(i =>
                {
                    var objective = new StrategicObjective { Id = Guid.CreateVersion7(), Number = ++number, UnitId = portfolio.Id, Title = $"Objective {i} of {portfolio.Code}" };
                    db.StrategicObjectives.Add(objective);
                    return objective.Id;
                })];
            }

            foreach (var programme in units.Where(u => u.Kind == UnitKind.Programme))
            {
                changes[programme.Id] = [.. Enumerable.Range(1, 2).Select(i =>
                {
                    var change = new BusinessChange { Id = Guid.CreateVersion7(), Number = ++changeNumber, UnitId = programme.Id, Title = $"Business change {i} of {programme.Code}" };
                    db.BusinessChanges.Add(change);
                    return change.Id;
                })];
            }
        }, ct);
        await InBulkAsync(db, () =>
        {
            foreach (var project in units.Where(u => u.Kind == UnitKind.Project && ProgrammeOf(u.Id) is not null))
            {
                var change = changes[ProgrammeOf(project.Id)!.Value][random.Next(2)];
                db.BenefitMapLinks.Add(new BenefitMapLink { Id = Guid.CreateVersion7(), UnitId = project.Id, FromKind = MapNodeKind.Unit, FromId = project.Id, ToKind = MapNodeKind.BusinessChange, ToId = change });
            }
        }, ct);

        var benefitNumber = await db.Benefits.MaxAsync(b => (int?)b.Number, ct) ?? 0;
        var firstProgrammeUnits = delivery.Where(u => u.Path.StartsWith(first.Path, StringComparison.Ordinal)).ToList();
        for (var done = 0; done < count;)
        {
            var size = Math.Min(Batch, count - done);
            var made = new List<(Benefit Benefit, List<BenefitProfilePoint> Profile)>(size);
            await InBulkAsync(db, () =>
            {
                for (var i = 0; i < size; i++)
                {
                    var at = done + i < MapProgrammeBenefits ? firstProgrammeUnits[random.Next(firstProgrammeUnits.Count)] : delivery[random.Next(delivery.Count)];
                    made.Add(NewBenefit(random, ++benefitNumber, at.Id, people[random.Next(people.Count)]));
                }

                // The benefits alone, so that the batch goes in bulk; their profiles follow with the measurements.
                db.Benefits.AddRange(made.Select(m => m.Benefit));
            }, ct);
            await InBulkAsync(db, () =>
            {
                foreach (var (benefit, profile) in made)
                {
                    var facts = new RealisationValue.Facts(benefit.BaselineValue, benefit.BaselineDate, benefit.TargetValue, benefit.TargetDate, benefit.MonetisedValue, false, profile);
                    db.AddRange(profile);
                    var measured = Measurements(random, benefit, profile);
                    db.BenefitMeasurements.AddRange(measured);
                    var values = measured.Select(m => new RealisationValue.Measured(m.MeasuredOn, m.Value)).ToList();
                    var latest = RealisationValue.LatestOf(facts, values);
                    db.BenefitTracking.Add(new BenefitTracking { BenefitId = benefit.Id, LastMeasuredOn = latest?.On, LastValue = latest?.Value, PlannedThen = latest?.Planned, DeviationPercent = latest?.DeviationPercent });
                    db.BenefitYears.AddRange(RealisationValue.ByYear(facts, values).Select(y => new BenefitYear { BenefitId = benefit.Id, Year = y.Start, Planned = y.Planned, Realised = y.Realised }));
                    if (ProgrammeOf(benefit.UnitId) is { } programme)
                    {
                        db.BenefitMapLinks.Add(new BenefitMapLink { Id = Guid.CreateVersion7(), UnitId = programme, FromKind = MapNodeKind.BusinessChange, FromId = changes[programme][random.Next(2)], ToKind = MapNodeKind.Benefit, ToId = benefit.Id });
                    }

                    db.BenefitMapLinks.Add(new BenefitMapLink { Id = Guid.CreateVersion7(), UnitId = benefit.UnitId, FromKind = MapNodeKind.Benefit, FromId = benefit.Id, ToKind = MapNodeKind.Objective, ToId = objectives[PortfolioOf(benefit.UnitId)][random.Next(2)] });
                }
            }, ct);
            done += size;
            progress.Report(done);
        }
    }

    private static (Benefit, List<BenefitProfilePoint>) NewBenefit(Random random, int number, Guid unit, Guid owner)
    {
        var higher = random.Next(2) == 0;
        var baseline = random.Next(50, 500);
        var target = higher ? baseline * 2 : baseline / 2;
        var from = Today.AddMonths(-MeasurementsEach - random.Next(0, 6));
        var to = from.AddYears(6);
        var benefit = new Benefit
        {
            Id = Guid.CreateVersion7(), Number = number, UnitId = unit, Title = $"Synthetic benefit {number}", OwnerId = owner,
            Category = (BenefitCategory)random.Next(3), Class = (BenefitClass)random.Next(3), Direction = higher ? MeasureDirection.HigherIsBetter : MeasureDirection.LowerIsBetter,
            Kpi = "Synthetic measure", UnitOfMeasure = "units", Frequency = MeasurementFrequency.Monthly,
            BaselineValue = baseline, BaselineDate = from, TargetValue = target, TargetDate = to,
            MonetisedValue = random.Next(2) == 0 ? random.Next(100, 10_000) * 1_000_00L : null,
            Confidence = (BenefitConfidence)random.Next(3),
            Status = random.Next(10) switch { < 6 => BenefitStatus.InRealisation, < 8 => BenefitStatus.Validated, 8 => BenefitStatus.Identified, _ => BenefitStatus.Realised },
        };
        var profile = new List<BenefitProfilePoint>(6);
        for (var year = 1; year <= 6; year++)
        {
            var share = year / 6m;
            profile.Add(new BenefitProfilePoint
            {
                Id = Guid.CreateVersion7(), BenefitId = benefit.Id, On = from.AddYears(year), Value = baseline + ((target - baseline) * share),
                Money = benefit.MonetisedValue is { } full ? (long)(full * share) : null,
            });
        }

        return (benefit, profile);
    }

    // Monthly from the baseline, on plan give or take, a fifth of benefits running well behind.
    private static List<BenefitMeasurement> Measurements(Random random, Benefit benefit, List<BenefitProfilePoint> profile)
    {
        var behind = random.Next(5) == 0 ? 0.5m : 1m;
        var track = profile.Select(p => new RealisationTrack.Point(p.On, p.Value)).ToList();
        var start = new RealisationTrack.Point(benefit.BaselineDate!.Value, benefit.BaselineValue!.Value);
        var list = new List<BenefitMeasurement>(MeasurementsEach);
        for (var m = 1; m <= MeasurementsEach; m++)
        {
            var on = benefit.BaselineDate.Value.AddMonths(m);
            var planned = RealisationTrack.PlannedOn(on, track, start) ?? start.Value;
            var value = start.Value + ((planned - start.Value) * behind * (0.9m + ((decimal)random.NextDouble() * 0.2m)));
            list.Add(new BenefitMeasurement { Id = Guid.CreateVersion7(), BenefitId = benefit.Id, MeasuredOn = on, Value = decimal.Round(value, 2), Evidence = "Synthetic report", RecordedBy = "synthetic" });
        }

        return list;
    }

    private static async Task InBulkAsync(StewardDbContext db, Action add, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using (db.InsertingInBulk())
        {
            add();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Benefits;

// Keeps BenefitTracking and BenefitYear in step with a benefit: staged in the same unit of work as the
// change to the benefit or the measurement added, so they are saved together or not at all.
public sealed class BenefitRealisationStore(StewardDbContext db)
{
    // benefit: with its profile as it will be saved; added: a measurement being recorded now.
    public async Task StageAsync(Benefit benefit, BenefitMeasurement? added, CancellationToken ct)
    {
        var measured = await db.BenefitMeasurements.AsNoTracking().Where(m => m.BenefitId == benefit.Id)
            .Select(m => new RealisationValue.Measured(m.MeasuredOn, m.Value)).ToListAsync(ct);
        if (added is not null)
        {
            measured.Add(new RealisationValue.Measured(added.MeasuredOn, added.Value));
        }

        var facts = new RealisationValue.Facts(
            benefit.BaselineValue, benefit.BaselineDate, benefit.TargetValue, benefit.TargetDate, benefit.MonetisedValue, benefit.IsDisbenefit, benefit.Profile);
        var latest = RealisationValue.LatestOf(facts, measured);
        var tracking = await db.BenefitTracking.FirstOrDefaultAsync(t => t.BenefitId == benefit.Id, ct);
        if (tracking is null)
        {
            tracking = new BenefitTracking { BenefitId = benefit.Id };
            db.BenefitTracking.Add(tracking);
        }

        (tracking.LastMeasuredOn, tracking.LastValue, tracking.PlannedThen, tracking.DeviationPercent) = (latest?.On, latest?.Value, latest?.Planned, latest?.DeviationPercent);

        var years = RealisationValue.ByYear(facts, measured);
        var held = await db.BenefitYears.Where(y => y.BenefitId == benefit.Id).ToListAsync(ct);
        foreach (var gone in held.Where(h => years.All(y => y.Start != h.Year)))
        {
            db.BenefitYears.Remove(gone);
        }

        foreach (var year in years)
        {
            var row = held.FirstOrDefault(h => h.Year == year.Start);
            if (row is null)
            {
                db.BenefitYears.Add(new BenefitYear { BenefitId = benefit.Id, Year = year.Start, Planned = year.Planned, Realised = year.Realised });
            }
            else
            {
                (row.Planned, row.Realised) = (year.Planned, year.Realised);
            }
        }
    }
}

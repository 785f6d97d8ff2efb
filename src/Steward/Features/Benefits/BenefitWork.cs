using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Benefits;

// Benefits' part of "My work": the next measurement of each benefit being tracked, for its owner, when it
// falls due (one period of its frequency after the last measurement, or after the baseline). The owner may
// hold no role in Steward: they record measurements from the benefit's page all the same.
internal sealed class BenefitWork(StewardDbContext db) : IWorkSource
{
    public static readonly WorkKind Measurement = new("benefit-measurement", "Benefit measurements", "Benefit measurement");

    public IReadOnlyList<WorkKind> Kinds => [Measurement];

    public async Task<IReadOnlyList<AssignedWork>> AssignedAsync(IReadOnlyCollection<Guid> people, DateOnly? dueBy, CancellationToken ct)
    {
        var tracked = await db.Benefits.AsNoTracking()
            .Where(b => b.OwnerId != null && people.Contains(b.OwnerId.Value) && (b.Status == BenefitStatus.Validated || b.Status == BenefitStatus.InRealisation) && b.Frequency != null)
            .Select(b => new
            {
                OwnerId = b.OwnerId!.Value, b.Number, b.Title, b.Status, b.Frequency, b.BaselineDate,
                LastMeasured = db.BenefitMeasurements.Where(m => m.BenefitId == b.Id).Max(m => (DateOnly?)m.MeasuredOn),
                Unit = new UnitRef(b.Unit!.Id, b.Unit.Code, b.Unit.Name, b.Unit.Kind),
            }).ToListAsync(ct);
        var work = new List<AssignedWork>();
        foreach (var b in tracked)
        {
            var due = MeasurementDue.Next(b.Status, b.Frequency, b.LastMeasured, b.BaselineDate);
            if (due is null || (dueBy is { } by && due > by))
            {
                continue;
            }

            var reference = EntryReference.Format(Benefit.ReferencePrefix, b.Number);
            work.Add(new(Measurement, b.OwnerId, reference, b.Title, b.Unit, due, BenefitsLinks.Benefit(b.Unit.Code, reference)));
        }

        return work;
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Reporting;

// A unit's delivery confidence as it stood on a date, for returns made after the fact (GMPP): the SRO's
// from the latest report of record whose period ended by then, the IPA's latest assessment by then.
public sealed record DcaAt(DcaRating? Sro, DcaRating? Ipa, bool HasReport);

public sealed class DeliveryConfidenceAsAt(StewardDbContext db)
{
    public async Task<Dictionary<Guid, DcaAt>> ForAsync(IReadOnlyCollection<Guid> unitIds, DateOnly asAt, CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var reports = (await db.StatusReports.AsNoTracking()
                .Where(r => ids.Contains(r.UnitId) && r.PeriodEnd <= asAt && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
                .Select(r => new { r.UnitId, r.PeriodEnd, r.Edition, r.Dca }).ToListAsync(ct))
            .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Edition).First().Dca);
        var ipa = (await db.IndependentDcas.AsNoTracking()
                .Where(d => ids.Contains(d.UnitId) && d.Source == AssessmentSource.Ipa && d.AssessedOn <= asAt)
                .Select(d => new { d.UnitId, d.AssessedOn, d.CreatedAt, d.Rating }).ToListAsync(ct))
            .GroupBy(d => d.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.AssessedOn).ThenByDescending(d => d.CreatedAt).First().Rating);
        return ids.Distinct().ToDictionary(id => id, id => new DcaAt(reports.GetValueOrDefault(id), ipa.TryGetValue(id, out var r) ? r : null, reports.ContainsKey(id)));
    }
}

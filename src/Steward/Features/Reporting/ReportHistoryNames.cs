using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Status reports by reference (SR-0012), and their snapshots by the report they freeze, in the history.
internal sealed class ReportHistoryNames(StewardDbContext db) : IHistoryNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var names = await db.StatusReports.AsNoTracking().Where(r => wanted.Contains(r.Id)).Select(r => new { r.Id, r.Number })
            .ToDictionaryAsync(r => r.Id, r => EntryReference.Format(StatusReport.ReferencePrefix, r.Number), ct);
        foreach (var s in await db.ReportSnapshots.AsNoTracking().Where(s => wanted.Contains(s.Id)).Select(s => new { s.Id, s.ReportId }).ToListAsync(ct))
        {
            var number = await db.StatusReports.AsNoTracking().Where(r => r.Id == s.ReportId).Select(r => r.Number).FirstAsync(ct);
            names[s.Id] = $"snapshot of {EntryReference.Format(StatusReport.ReferencePrefix, number)}";
        }

        foreach (var e in await db.ExceptionReports.AsNoTracking().Where(e => wanted.Contains(e.Id)).Select(e => new { e.Id, e.Number }).ToListAsync(ct))
        {
            names[e.Id] = EntryReference.Format(Exceptions.ExceptionReport.ReferencePrefix, e.Number);
        }

        return names;
    }
}

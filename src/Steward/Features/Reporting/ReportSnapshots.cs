using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;

namespace Steward.Features.Reporting;

// Freezing and reading report snapshots, and checking that none has been altered since its history
// recorded its digest.
public sealed class ReportSnapshots(StewardDbContext db) : IAuditedContent
{
    public void Stage(StatusReport report, ReportFacts facts, DateTime at)
    {
        var (content, digest) = SnapshotContent.Pack(new SnapshotDocument(facts, SnapshotContent.RatingsOf(report), SnapshotContent.WordsDigest(report)));
        db.ReportSnapshots.Add(new ReportSnapshot { Id = Guid.CreateVersion7(), ReportId = report.Id, TakenAt = at, Content = content, Digest = digest });
    }

    public async Task<SnapshotDocument?> LatestAsync(Guid reportId, CancellationToken ct = default)
    {
        var content = await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == reportId).OrderByDescending(s => s.TakenAt).Select(s => s.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : SnapshotContent.Unpack(content);
    }

    public async Task<IReadOnlyDictionary<Guid, SnapshotDocument>> LatestOfAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken ct = default)
    {
        var ids = reportIds.ToList();
        var rows = await db.ReportSnapshots.AsNoTracking().Where(s => ids.Contains(s.ReportId)).Select(s => new { s.ReportId, s.TakenAt, s.Content }).ToListAsync(ct);
        return rows.GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => SnapshotContent.Unpack(g.OrderByDescending(r => r.TakenAt).First().Content));
    }

    public string What => "report snapshots";

    // Each snapshot must still hash to its digest, its digest must be the one its history recorded when it
    // was taken (the chain covers that), and the words of its report must still hash to what was frozen.
    public async Task<string?> FirstAlteredAsync(CancellationToken ct)
    {
        var recorded = new Dictionary<Guid, string?>();
        await foreach (var e in db.History.AsNoTracking().Where(h => h.RecordType == nameof(ReportSnapshot) && h.Action == "created")
            .Select(h => new { h.RecordId, h.Changes }).AsAsyncEnumerable().WithCancellation(ct))
        {
            recorded[e.RecordId] = JsonSerializer.Deserialize<List<HistoryChange>>(e.Changes, HistoryJson.Options)?.FirstOrDefault(c => c.Field == nameof(ReportSnapshot.Digest))?.To;
        }

        var words = await db.StatusReports.AsNoTracking().Where(r => db.ReportSnapshots.Any(s => s.ReportId == r.Id))
            .ToDictionaryAsync(r => r.Id, SnapshotContent.WordsDigest, ct);
        var newest = await db.ReportSnapshots.AsNoTracking().GroupBy(s => s.ReportId).Select(g => new { g.Key, TakenAt = g.Max(s => s.TakenAt) })
            .ToDictionaryAsync(g => g.Key, g => g.TakenAt, ct);
        await foreach (var s in db.ReportSnapshots.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var reference = $"the snapshot {s.Id} of report {s.ReportId}";
            if (!recorded.TryGetValue(s.Id, out var digest) || digest != s.Digest)
            {
                return $"{reference} has a digest its history did not record: it has been replaced";
            }

            SnapshotDocument document;
            try
            {
                if (SnapshotContent.DigestOf(s.Content) != s.Digest)
                {
                    return $"{reference} no longer hashes to its digest: its content has been altered";
                }

                document = SnapshotContent.Unpack(s.Content);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or InvalidDataException)
            {
                return $"{reference} cannot be read: its content has been altered";
            }

            // A report returned and submitted again has older snapshots whose words were since changed by its author.
            if (s.TakenAt == newest[s.ReportId] && words.TryGetValue(s.ReportId, out var now) && now != document.WordsDigest)
            {
                return $"the words of report {s.ReportId} are not those it was submitted with: they have been altered";
            }
        }

        return null;
    }
}

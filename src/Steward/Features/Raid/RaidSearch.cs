using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Risks, issues, assumptions and dependencies for the site search, by reference or title (an
// assumption's statement), in the RAID logs the searcher may read.
public sealed class RaidSearch(StewardDbContext db, AccessPolicy access) : IRecordSearch
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchText text, int limit, CancellationToken ct)
    {
        var units = await access.ReadableAsync(db.Units, PmoArea.Raid, ct);
        var hits = new List<SearchHit>();
        hits.AddRange(await RecordSearchQuery.FindAsync(db.Risks.Select(r => new SearchRow { Number = r.Number, UnitId = r.UnitId, Title = r.Title }),
            units, text, text.Number(Risk.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Risk", Risk.ReferencePrefix, row, unit, (u, r) => RaidLinks.Risk(u, r)), ct));
        hits.AddRange(await RecordSearchQuery.FindAsync(db.Issues.Select(i => new SearchRow { Number = i.Number, UnitId = i.UnitId, Title = i.Title }),
            units, text, text.Number(Issue.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Issue", Issue.ReferencePrefix, row, unit, (u, r) => RaidLinks.Issue(u, r)), ct));
        hits.AddRange(await RecordSearchQuery.FindAsync(db.Assumptions.Select(a => new SearchRow { Number = a.Number, UnitId = a.UnitId, Title = a.Statement }),
            units, text, text.Number(Assumption.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Assumption", Assumption.ReferencePrefix, row, unit, (u, r) => RaidLinks.Assumption(u, r)), ct));
        hits.AddRange(await RecordSearchQuery.FindAsync(db.Dependencies.Select(d => new SearchRow { Number = d.Number, UnitId = d.UnitId, Title = d.Title }),
            units, text, text.Number(Dependency.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Dependency", Dependency.ReferencePrefix, row, unit, (u, r) => RaidLinks.Dependency(u, r)), ct));
        return hits;
    }
}

using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Decisions and actions for the site search, by reference or by title (an action's description), in the
// units whose governance records the searcher may read.
public sealed class GovernanceSearch(StewardDbContext db, AccessPolicy access) : IRecordSearch
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchText text, int limit, CancellationToken ct)
    {
        var units = await access.ReadableAsync(db.Units, PmoArea.Governance, ct);
        var decisions = await RecordSearchQuery.FindAsync(db.Decisions.Select(d => new SearchRow { Number = d.Number, UnitId = d.UnitId, Title = d.Title }),
            units, text, text.Number(Decision.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Decision", Decision.ReferencePrefix, row, unit, GovernanceLinks.Decision), ct);
        var actions = await RecordSearchQuery.FindAsync(db.Actions.Select(a => new SearchRow { Number = a.Number, UnitId = a.UnitId, Title = a.Description }),
            units, text, text.Number(ActionItem.ReferencePrefix), limit, (row, unit) => SearchHit.Numbered("Action", ActionItem.ReferencePrefix, row, unit, GovernanceLinks.Action), ct);
        return [.. decisions, .. actions];
    }
}

using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Plans;

// Plan tasks for the site search, by name, in the plans the searcher may read. A task is quoted as
// "task 12 of DPP-PRJ-001": its number is only unique within its plan, so it is found by name alone.
public sealed class PlanSearch(StewardDbContext db, AccessPolicy access) : IRecordSearch
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchText text, int limit, CancellationToken ct)
    {
        var units = await access.ReadableAsync(db.Units, PmoArea.Planning, ct);
        return await RecordSearchQuery.FindAsync(db.PlanTasks.Select(t => new SearchRow { Number = t.Uid, UnitId = t.Plan!.UnitId, Title = t.Name }),
            units, text, null, limit, (row, unit) => new SearchHit("Task", $"Task {row.Number}", row.Title, unit, PlanLinks.Task(unit.Code, row.Number)), ct);
    }
}

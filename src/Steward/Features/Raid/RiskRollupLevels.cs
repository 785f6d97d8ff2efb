using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// Keeps Risk.RollupLevel1Id and RollupLevel2Id equal to the first two ids of the risk's unit's path:
// set as risks are saved (RiskRollupInterceptor) and moved with a subtree (here).
public sealed class RiskRollupLevels(StewardDbContext db) : ISubtreeMoveFollower
{
    public static (Guid? Level1, Guid? Level2) Of(string unitPath)
    {
        var ids = UnitPath.Ids(unitPath);
        return (ids.Count > 0 ? ids[0] : null, ids.Count > 1 ? ids[1] : null);
    }

    // Every unit under the moved one shares its new levels, unless the move made it top level: then the
    // second level differs for each branch below it.
    public async Task FollowAsync(string movedPath, CancellationToken ct)
    {
        var end = UnitSubtree.EndOfSubtree(movedPath);
        var units = await db.Units.Where(u => string.Compare(u.Path, movedPath) >= 0 && string.Compare(u.Path, end) < 0)
            .Select(u => new { u.Id, u.Path })
            .ToListAsync(ct);
        foreach (var branch in units.GroupBy(u => Of(u.Path), u => u.Id))
        {
            var ids = branch.ToList();
            var (level1, level2) = branch.Key;
            await db.Risks.Where(r => ids.Contains(r.UnitId))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.RollupLevel1Id, level1).SetProperty(r => r.RollupLevel2Id, level2), ct);
        }
    }
}

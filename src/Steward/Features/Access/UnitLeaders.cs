using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Access;

// Who answers for a unit and should hear of what happens to it: its SRO and manager, and those given one of
// the leading roles on that unit itself (not inherited from above, or everyone at the top would hear of
// everything). Viewers and contributors are not told of escalations and exceptions; they see them in Steward.
public sealed class UnitLeaders(StewardDbContext db)
{
    public static readonly IReadOnlyList<StewardRole> Leading =
        [StewardRole.Sro, StewardRole.ProgrammeOrProjectManager, StewardRole.PmoManager, StewardRole.RiskAndIssuesManager];

    public async Task<ILookup<Guid, Guid>> OfAsync(IReadOnlyCollection<Guid> units, IReadOnlyCollection<StewardRole> roles, CancellationToken ct)
    {
        if (units.Count == 0)
        {
            return Array.Empty<(Guid, Guid)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        var named = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.SroId, u.ManagerId }).ToListAsync(ct);
        var given = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UnitId != null && units.Contains(r.UnitId.Value) && r.RevokedAt == null && roles.Contains(r.Role))
            .Select(r => new { Unit = r.UnitId!.Value, r.PersonId }).ToListAsync(ct);
        var pairs = named.SelectMany(u => new[]
            {
                roles.Contains(StewardRole.Sro) ? u.SroId : null,
                roles.Contains(StewardRole.ProgrammeOrProjectManager) ? u.ManagerId : null,
            }.OfType<Guid>().Select(p => (Unit: u.Id, Person: p)))
            .Concat(given.Select(g => (g.Unit, Person: g.PersonId)))
            .Distinct();
        return pairs.ToLookup(p => p.Unit, p => p.Person);
    }
}

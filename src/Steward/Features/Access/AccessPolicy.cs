using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Access;

// The one place Steward decides who may do what: pages, API and command line all ask here, and every
// answer comes from PermissionMatrix and the actor's role assignments on the delivery tree.
public sealed class AccessPolicy(ChangeContext who, AccessCache cache, StewardDbContext db)
{
    private IReadOnlyList<AccessGrant>? _grants;

    public bool IsReadOnly => who.IsReadOnly;

    public async ValueTask<IReadOnlyList<AccessGrant>> GrantsAsync(CancellationToken ct = default)
    {
        if (_grants is not null)
        {
            return _grants;
        }

        if (who.IsOperator || who.UserId is not { } userId)
        {
            return _grants = [];
        }

        return _grants = await cache.GrantsAsync(userId, () => LoadAsync(userId, ct));
    }

    // unitPath is the unit's materialised path; null asks about the whole department (such as creating a portfolio).
    public async ValueTask<bool> CanAsync(PmoArea area, PmoAction action, string? unitPath, CancellationToken ct = default)
    {
        if (who.IsOperator)
        {
            return true;
        }

        if (who.IsReadOnly && action != PmoAction.Read)
        {
            return false;
        }

        foreach (var grant in await GrantsAsync(ct))
        {
            if (grant.Covers(unitPath) && PermissionMatrix.Allows(grant.Role, area, action))
            {
                return true;
            }
        }

        return false;
    }

    // Somewhere in the tree: enough to open a page whose records are then filtered to what the actor may see.
    public async ValueTask<bool> CanAnywhereAsync(PmoArea area, PmoAction action, CancellationToken ct = default) =>
        who.IsOperator || (!(who.IsReadOnly && action != PmoAction.Read)
            && (await GrantsAsync(ct)).Any(g => PermissionMatrix.Allows(g.Role, area, action)));

    public async ValueTask DemandAsync(PmoArea area, PmoAction action, string? unitPath, string what, CancellationToken ct = default)
    {
        if (!await CanAsync(area, action, unitPath, ct))
        {
            throw new AccessDeniedException($"Your roles do not allow you to {AccessLabels.Of(action)} {what}.");
        }
    }

    // Whether every role the actor holds on a unit (there or above) is this one: a Viewer and nothing more.
    public async ValueTask<bool> HoldsOnlyAsync(StewardRole role, string unitPath, CancellationToken ct = default)
    {
        if (who.IsOperator)
        {
            return false;
        }

        var covering = (await GrantsAsync(ct)).Where(g => g.Covers(unitPath)).ToList();
        return covering.Count > 0 && covering.All(g => g.Role == role);
    }

    public ValueTask<bool> CanSeeAsync(string unitPath, CancellationToken ct = default) => CanAsync(PmoArea.Delivery, PmoAction.Read, unitPath, ct);

    // Narrows a query to the units the actor may see: those they hold a role on, and everything below.
    public ValueTask<IQueryable<DeliveryUnit>> VisibleAsync(IQueryable<DeliveryUnit> units, CancellationToken ct = default) =>
        ReadableAsync(units, PmoArea.Delivery, ct);

    // Narrows a query to the units whose records of one area the actor may read (a RAID log, a plan).
    public async ValueTask<IQueryable<DeliveryUnit>> ReadableAsync(IQueryable<DeliveryUnit> units, PmoArea area, CancellationToken ct = default)
    {
        if (who.IsOperator)
        {
            return units;
        }

        var grants = (await GrantsAsync(ct)).Where(g => PermissionMatrix.Allows(g.Role, area, PmoAction.Read)).ToList();
        if (grants.Any(g => g.Path is null))
        {
            return units;
        }

        // Only the outermost grants matter: a grant inside another adds nothing to what can be seen.
        var prefixes = grants.Select(g => g.Path!).Distinct().OrderBy(p => p.Length).ToList();
        var outermost = prefixes.Where(p => !prefixes.Any(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal))).ToList();
        return units.Where(StartsWithAny(outermost));
    }

    private static Expression<Func<DeliveryUnit, bool>> StartsWithAny(IReadOnlyList<string> prefixes)
    {
        var unit = Expression.Parameter(typeof(DeliveryUnit), "u");
        var path = Expression.Property(unit, nameof(DeliveryUnit.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var prefix in prefixes)
        {
            // A member of a captured object, so EF sends each prefix as a parameter and reuses the plan.
            var value = Expression.Property(Expression.Constant(new Prefix(prefix)), nameof(Prefix.Value));
            body = Expression.OrElse(body, Expression.Call(path, startsWith, value));
        }

        return Expression.Lambda<Func<DeliveryUnit, bool>>(body, unit);
    }

    private async Task<IReadOnlyList<AccessGrant>> LoadAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled && u.PersonId != null)
            .SelectMany(u => db.RoleAssignments.Where(a => a.PersonId == u.PersonId && a.RevokedAt == null))
            .Select(a => new AccessGrant(a.Role, a.UnitId, a.Unit == null ? null : a.Unit.Path))
            .ToListAsync(ct);

    private sealed record Prefix(string Value);
}

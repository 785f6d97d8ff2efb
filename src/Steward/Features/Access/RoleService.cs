using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Access;

// Granting and revoking roles on the tree, with the same rules from the unit page, the API and the CLI.
public sealed class RoleService(StewardDbContext db, AccessPolicy access, AccessCache cache, ChangeContext who, TimeProvider clock)
{
    // unit is a unit's id or code; null grants the role on the whole department.
    public async Task<RoleAssignment> GrantAsync(string? email, StewardRole? role, string? unit, CancellationToken ct = default)
    {
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(email))
        {
            failures.Add(new ValidationFailure("email", "Enter the email address of the person to give the role to"));
        }

        if (role is null)
        {
            failures.Add(new ValidationFailure("role", "Choose a role"));
        }

        var scope = unit is null ? null : await FindUnitAsync(unit, ct);
        if (unit is not null && scope is null)
        {
            failures.Add(new ValidationFailure("unit", $"No unit has the code or id {unit}"));
        }

        var person = string.IsNullOrWhiteSpace(email) ? null : await FindPersonAsync(email, ct);
        if (!string.IsNullOrWhiteSpace(email) && person is null)
        {
            failures.Add(new ValidationFailure("email", $"No person or account in Steward has the email {email.Trim()}"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await DemandAdministerAsync(role!.Value, scope, ct);
        var existing = await db.RoleAssignments.AnyAsync(a => a.PersonId == person!.Person.Id && a.Role == role && a.UnitId == (scope == null ? null : scope.Id) && a.RevokedAt == null, ct);
        if (existing)
        {
            throw new ValidationException([new ValidationFailure("role", $"{person!.Person.Name} already holds {AccessLabels.Of(role.Value)} on {ScopeName(scope)}")]);
        }

        LinkAccount(person!);
        var assignment = new RoleAssignment { Id = Guid.CreateVersion7(), PersonId = person!.Person.Id, Role = role.Value, UnitId = scope?.Id };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await cache.ChangedAsync(db, ct);
        return assignment;
    }

    public async Task<RoleAssignment> RevokeAsync(Guid assignmentId, CancellationToken ct = default)
    {
        var assignment = await db.RoleAssignments.Include(a => a.Unit).FirstOrDefaultAsync(a => a.Id == assignmentId && a.RevokedAt == null, ct)
            ?? throw new RecordNotFoundException("role assignment", assignmentId.ToString());
        var scope = assignment.Unit is null ? null : new UnitScope(assignment.Unit.Id, assignment.Unit.Code, assignment.Unit.Path);
        if (scope is not null && !await access.CanSeeAsync(scope.Path, ct))
        {
            throw new RecordNotFoundException("role assignment", assignmentId.ToString());
        }

        await DemandAdministerAsync(assignment.Role, scope, ct);
        if (assignment.Role == StewardRole.Administrator && assignment.UnitId is null && await OtherAdministratorsAsync(assignment.Id, ct) == 0)
        {
            throw new RecordStateConflictException("This is the last Administrator of the whole department; make someone else an Administrator first.");
        }

        assignment.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await cache.ChangedAsync(db, ct);
        return assignment;
    }

    // Department-wide Administrators held by enabled accounts, other than the one given.
    public Task<int> OtherAdministratorsAsync(Guid? exceptAssignmentId, CancellationToken ct = default) =>
        db.RoleAssignments.CountAsync(a => a.Role == StewardRole.Administrator && a.UnitId == null && a.RevokedAt == null
            && a.Id != exceptAssignmentId
            && db.Users.Any(u => u.PersonId == a.PersonId && !u.IsDisabled), ct);

    // Who holds roles on a unit: on the unit itself, and inherited from the units above it and the department.
    public async Task<IReadOnlyList<RoleHolder>> OnUnitAsync(Guid unitId, string path, CancellationToken ct = default)
    {
        var above = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var rows = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.RevokedAt == null && (a.UnitId == null || above.Contains(a.UnitId.Value)))
            .Select(a => new RoleHolder(a.Id, a.Role, a.PersonId, a.Person!.Name, a.Person.Email, a.UnitId,
                a.Unit == null ? null : a.Unit.Code, a.UnitId == unitId, a.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.IsOnThisUnit).ThenBy(r => r.Role).ThenBy(r => r.PersonName, StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<RoleHolder>> OfPersonAsync(string email, CancellationToken ct = default) => AllAsync(email, ct);

    // Every role held, or one person's; for operators and the API's answer to a grant.
    public async Task<IReadOnlyList<RoleHolder>> AllAsync(string? email, CancellationToken ct = default)
    {
        var address = email?.Trim().ToLowerInvariant();
        return await db.RoleAssignments.AsNoTracking()
            .Where(a => a.RevokedAt == null && (address == null || a.Person!.Email == address))
            .OrderBy(a => a.Person!.Email).ThenBy(a => a.Role)
            .Select(a => new RoleHolder(a.Id, a.Role, a.PersonId, a.Person!.Name, a.Person.Email, a.UnitId,
                a.Unit == null ? null : a.Unit.Code, true, a.Version))
            .ToListAsync(ct);
    }

    private async Task DemandAdministerAsync(StewardRole role, UnitScope? scope, CancellationToken ct)
    {
        if (scope is not null && !await access.CanSeeAsync(scope.Path, ct))
        {
            throw new ValidationException([new ValidationFailure("unit", $"No unit has the code or id {scope.Code}")]);
        }

        await access.DemandAsync(PmoArea.Access, PmoAction.Administer, scope?.Path, $"roles on {ScopeName(scope)}", ct);
        // Only an Administrator can make or unmake one: a PMO Manager cannot promote themselves.
        if (role == StewardRole.Administrator && !who.IsOperator
            && !(await access.GrantsAsync(ct)).Any(g => g.Role == StewardRole.Administrator && g.Covers(scope?.Path)))
        {
            throw new AccessDeniedException($"Only an Administrator of {ScopeName(scope)} can give or take away the Administrator role there.");
        }
    }

    private async Task<UnitScope?> FindUnitAsync(string unit, CancellationToken ct)
    {
        var key = unit.Trim();
        var query = db.Units.AsNoTracking();
        query = Guid.TryParse(key, out var id) ? query.Where(u => u.Id == id) : query.Where(u => u.Code == key.ToUpperInvariant());
        return await query.Select(u => new UnitScope(u.Id, u.Code, u.Path)).FirstOrDefaultAsync(ct);
    }

    // A role belongs to a person; someone with an account but no person record gets one, made only
    // once the grant is allowed (LinkAccount), so a refused grant leaves nothing behind.
    private async Task<PersonToGrant?> FindPersonAsync(string email, CancellationToken ct)
    {
        var address = email.Trim().ToLowerInvariant();
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == address, ct);
        var account = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == address.ToUpperInvariant(), ct);
        if (person is null && account is null)
        {
            return null;
        }

        return new PersonToGrant(person ?? new Person { Id = Guid.CreateVersion7(), Name = account!.DisplayName, Email = address }, person is null, account);
    }

    private void LinkAccount(PersonToGrant grantee)
    {
        if (grantee.IsNew)
        {
            db.People.Add(grantee.Person);
        }

        if (grantee.Account is { PersonId: null } account)
        {
            account.PersonId = grantee.Person.Id;
        }
    }

    private sealed record PersonToGrant(Person Person, bool IsNew, Accounts.StewardUser? Account);

    private static string ScopeName(UnitScope? scope) => scope is null ? "the whole department" : scope.Code;

    private sealed record UnitScope(Guid Id, string Code, string Path);
}

public sealed record RoleHolder(Guid Id, StewardRole Role, Guid PersonId, string PersonName, string Email, Guid? UnitId, string? UnitCode, bool IsOnThisUnit, int Version);

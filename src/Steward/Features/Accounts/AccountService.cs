using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Accounts;

// Accounts as operators and administrators manage them; the same rules from the CLI and the web.
public sealed class AccountService(UserManager<StewardUser> users, StewardDbContext db, AccessCache cache)
{
    public async Task<(StewardUser User, string? GeneratedPassword)> AddAsync(string? email, string? name, bool administrator, string? password, CancellationToken ct = default)
    {
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(name))
        {
            failures.Add(new ValidationFailure("name", "Enter the person's full name"));
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            failures.Add(new ValidationFailure("email", "Enter an email address"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var address = email!.Trim().ToLowerInvariant();
        // Roles belong to people, so every account has a person: the one with its address, or a new one.
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == address, ct);
        if (person is null && !await db.Users.AnyAsync(u => u.NormalizedEmail == address.ToUpperInvariant(), ct))
        {
            person = new Person { Id = Guid.CreateVersion7(), Name = name!.Trim(), Email = address };
            db.People.Add(person);
        }

        var user = new StewardUser
        {
            Id = Guid.CreateVersion7(),
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = name!.Trim(),
            PersonId = person?.Id,
        };
        if (administrator && person is not null)
        {
            // The first administrator is made from the command line, before anyone can grant roles.
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, Role = StewardRole.Administrator });
        }

        var generated = password is null ? NewPassword() : null;
        Throw(await users.CreateAsync(user, password ?? generated!));
        await cache.ChangedAsync(db, ct);
        return (user, generated);
    }

    public async Task<string?> ResetPasswordAsync(string email, string? password, CancellationToken ct = default)
    {
        var user = await RequireAsync(email);
        var generated = password is null ? NewPassword() : null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Throw(await users.ResetPasswordAsync(user, token, password ?? generated!));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return generated;
    }

    // The recovery path for an account locked by someone guessing at it (an administrator's, perhaps, locked
    // on purpose): the operator unlocks it without changing its password.
    public async Task UnlockAsync(string email, CancellationToken ct = default)
    {
        var user = await RequireAsync(email);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    // Disabling signs the person out everywhere: the new security stamp invalidates their sessions.
    public async Task DisableAsync(string email, CancellationToken ct = default)
    {
        var user = await RequireAsync(email);
        if (!user.IsDisabled && await IsAdministratorAsync(user, ct) && await OtherAdministratorAccountsAsync(user.Id, ct) == 0)
        {
            throw new RecordStateConflictException($"{user.Email} is the last administrator; make someone else an administrator first.");
        }

        user.IsDisabled = true;
        Throw(await users.UpdateAsync(user));
        Throw(await users.UpdateSecurityStampAsync(user));
        await cache.ChangedAsync(db, ct);
    }

    // Holds the Administrator role on the whole department.
    public Task<bool> IsAdministratorAsync(StewardUser user, CancellationToken ct = default) =>
        db.RoleAssignments.AnyAsync(a => a.PersonId == user.PersonId && a.Role == StewardRole.Administrator && a.UnitId == null && a.RevokedAt == null, ct);

    private Task<int> OtherAdministratorAccountsAsync(Guid userId, CancellationToken ct) =>
        db.Users.CountAsync(u => u.Id != userId && !u.IsDisabled && db.RoleAssignments.Any(a =>
            a.PersonId == u.PersonId && a.Role == StewardRole.Administrator && a.UnitId == null && a.RevokedAt == null), ct);

    public async Task<StewardUser> RequireAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new RecordNotFoundException("account", email);

    private static string NewPassword()
    {
        // 20 characters from a 32-letter alphabet: about 100 bits, and easy to read aloud.
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', new string(chars).Chunk(5).Select(c => new string(c)));
    }

    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(
                e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : string.Empty,
                e.Description)));
        }
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Tokens;

// Personal API tokens: made for an account (by its owner in the UI, or by an operator), shown once,
// named, expiring, revocable, optionally read-only.
public sealed class TokenService(StewardDbContext db, AccessCache cache, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Guid userId, string? name, bool readOnly, DateOnly? expires, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var failures = new List<ValidationFailure>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            failures.Add(new ValidationFailure("name", "Enter a name for the token, such as the script that will use it"));
        }
        else if (name.Length > ApiToken.NameMaxLength)
        {
            failures.Add(new ValidationFailure("name", $"Name must be {ApiToken.NameMaxLength} characters or fewer"));
        }

        var expiry = expires ?? today.AddDays(DefaultDays);
        if (expiry <= today)
        {
            failures.Add(new ValidationFailure("expires", "Expiry date must be in the future"));
        }
        else if (expiry > today.AddDays(MaxDays))
        {
            failures.Add(new ValidationFailure("expires", $"Expiry date must be within {MaxDays} days"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var secret = TokenSecret.New();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name!,
            Prefix = TokenSecret.PrefixOf(secret),
            Hash = TokenSecret.Hash(secret),
            IsReadOnly = readOnly,
            // Valid to the end of the expiry day, UTC.
            ExpiresAt = expiry.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    public async Task<IReadOnlyList<TokenView>> ListAsync(Guid userId, CancellationToken ct = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.IsReadOnly, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);

    // ownerId limits the revoke to one account's own tokens (the UI); null lets an operator revoke any.
    public async Task RevokeAsync(Guid tokenId, Guid? ownerId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), ct)
            ?? throw new RecordNotFoundException("token", tokenId.ToString());
        if (token.RevokedAt is not null)
        {
            throw new RecordStateConflictException($"The token {token.Name} is already revoked.");
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await cache.ChangedAsync(db, ct);
    }

    // Null for an unknown, revoked or expired token, or one whose account is disabled.
    public async ValueTask<TokenOwner?> FindOwnerAsync(string secret, CancellationToken ct = default)
    {
        if (!TokenSecret.LooksValid(secret))
        {
            return null;
        }

        var hash = TokenSecret.Hash(secret);
        var owner = await cache.TokenAsync(hash, async () => await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && !t.User!.IsDisabled)
            .Select(t => new TokenOwner(t.Id, t.Name, t.UserId, t.User!.Email!, t.User.DisplayName, t.IsReadOnly, t.ExpiresAt))
            .FirstOrDefaultAsync(ct));
        return owner is not null && owner.ExpiresAt > clock.GetUtcNow().UtcDateTime ? owner : null;
    }
}

public sealed record TokenView(Guid Id, string Name, string Prefix, bool IsReadOnly, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);

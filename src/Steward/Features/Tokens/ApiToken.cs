using Steward.Features.Accounts;
using Steward.Infrastructure;

namespace Steward.Features.Tokens;

// A personal API token. Only a SHA-256 hash of the secret is stored: the secret is shown once, when made.
public sealed class ApiToken : IVersionedRecord
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public StewardUser? User { get; set; }
    public required string Name { get; set; }

    // The first characters of the secret, so that people can tell their tokens apart.
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public bool IsReadOnly { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

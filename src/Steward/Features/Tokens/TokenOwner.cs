namespace Steward.Features.Tokens;

// Who a valid token speaks for, as the bearer handler needs it.
public sealed record TokenOwner(Guid TokenId, string TokenName, Guid UserId, string Email, string DisplayName, bool IsReadOnly, DateTime ExpiresAt);

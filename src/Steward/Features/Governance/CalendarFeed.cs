using Steward.Features.Units;

namespace Steward.Features.Governance;

// A private iCalendar address one account gave out for one unit's meetings and action due dates.
// Only the secret's hash is kept; the feed answers with what the account may still read, and stops
// once revoked or once the account is disabled.
public sealed class CalendarFeed
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }
    public Guid UserId { get; set; }
    public required string SecretHash { get; set; }
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

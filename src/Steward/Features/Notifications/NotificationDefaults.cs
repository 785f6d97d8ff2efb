namespace Steward.Features.Notifications;

public static class NotificationDefaults
{
    // Before the working day, UK time.
    public static readonly TimeOnly DigestAt = new(7, 0);

    // The digest's and the choices' clock: people set and read times as the UK keeps them, summer or winter.
    public static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Everything assigned to someone is in their daily digest until they choose otherwise: one message a
    // day at most, which is what a PMO can ask of everyone without being switched off. News that needs
    // acting on (an escalation to a unit they lead, an action a decision gave them, a report to approve)
    // comes at once; who hears of it at all follows their role on the unit (Access.UnitLeaders).
    public static Delivery For(Steward.Infrastructure.Work.WorkKind kind) => kind.AtOnce ? Delivery.Immediately : Delivery.Digest;
}

using Steward.Infrastructure.Registers;

namespace Steward.Features.Notifications;

[PageLinks]
public static class NotificationsLinks
{
    public const string Inbox = "/inbox";
    public const string Preferences = "/notifications";
    public const string Unsubscribe = "/notifications/unsubscribe";
    public const string Email = "/admin/email";
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Steward.Features.Notifications;

public sealed record Unsubscription(Guid PersonId, IReadOnlyList<string> Kinds);

// The signed link at the foot of every e-mail that stops that kind of message without signing in. Signed
// with the data-protection keys every node shares, and good for a year: a forged or expired link is refused.
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Steward.Notifications.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Token(Guid person, IEnumerable<string> kinds) =>
        _protector.Protect($"{person:N}|{string.Join(',', kinds)}", clock.GetUtcNow().Add(Lifetime));

    public static string Path(string token) => $"{NotificationsLinks.Unsubscribe}?token={Uri.EscapeDataString(token)}";

    // Null when the token is not one Steward made, was altered, or has expired.
    public Unsubscription? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var text = _protector.Unprotect(token, out var expires);
            if (expires < clock.GetUtcNow())
            {
                return null;
            }

            var parts = text.Split('|', 2);
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var person)
                ? new Unsubscription(person, parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

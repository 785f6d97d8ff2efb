using MailKit.Security;
using MimeKit;

namespace Steward.Features.Notifications;

// Mail through an SMTP server (STEWARD_MAIL__HOST and the rest), unless GOV.UK Notify is set (Notify wins).
// Without either, mail is off: people still find every message in their inbox in Steward.
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    // auto (STARTTLS when offered), starttls (required), tls (TLS from the first byte, port 465) or none.
    public string Security { get; set; } = "auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public string FromName { get; set; } = "Steward";

    // Steward's address as people reach it (https://steward.example.gov.uk): links in e-mails start with it,
    // whichever channel sends them.
    public string? SiteAddress { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);

    // Why the SMTP server cannot be used as configured, or null (EmailChannels checks SiteAddress).
    public string? Problem()
    {
        if (!IsOn)
        {
            return null;
        }

        if (Port is < 1 or > 65535)
        {
            return $"Mail:Port {Port} is not a port (1 to 65535)";
        }

        if (SecureOptions() is null)
        {
            return $"Mail:Security '{Security}' is not one of auto, starttls, tls, none";
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            return $"Mail:From '{From}' is not an e-mail address to send from";
        }

        return TimeoutSeconds is < 1 or > 600 ? $"Mail:TimeoutSeconds {TimeoutSeconds} must be from 1 to 600" : null;
    }

    public SecureSocketOptions? SecureOptions() => Security.Trim().ToLowerInvariant() switch
    {
        "auto" => SecureSocketOptions.Auto,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => null,
    };
}

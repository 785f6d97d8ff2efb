using MailKit.Security;
using MimeKit;

namespace Steward.Features.Notifications;

// Mail through an SMTP server (STEWARD_MAIL__HOST and the rest). Without a host, mail is off: people still
// find every message in their inbox in Steward, and the jobs page says mail is off.
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

    // Steward's address as people reach it (https://steward.example.gov.uk): links in e-mails start with it.
    public string? SiteAddress { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);

    // Why mail cannot be sent as configured, or null. Checked when used rather than at start-up, so that a
    // mistake shows on the jobs page and in the log instead of stopping the node (and restarting it forever).
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

        if (!Uri.TryCreate(SiteAddress, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http"))
        {
            return $"Mail:SiteAddress '{SiteAddress}' is not Steward's web address (such as https://steward.example.gov.uk), which links in e-mails need";
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

    public string Link(string path) => SiteAddress!.TrimEnd('/') + path;
}

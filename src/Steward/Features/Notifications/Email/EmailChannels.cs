using Microsoft.Extensions.Options;

namespace Steward.Features.Notifications;

// A way of sending Steward's e-mails: an SMTP server, or GOV.UK Notify.
public interface IEmailChannel
{
    // What the jobs and e-mail pages call it: "the SMTP server mail.example.gov.uk:587".
    string Name { get; }

    // Why it cannot send as configured, or null.
    string? Problem();

    Task<IEmailSession> OpenAsync(CancellationToken ct);

    // E-mails it accepted that later bounced for good (GOV.UK Notify learns of them after sending; an SMTP
    // server refuses such an address while sending, so it reports none here).
    Task<IReadOnlyList<Bounce>> BouncesAsync(CancellationToken ct);
}

// One delivery run's use of a channel (an SMTP connection; for Notify, nothing to hold).
public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(EmailToSend email, CancellationToken ct);
}

// What a channel needs to send one e-mail. Kind is the message's kind (digest, due-now, test ...): Notify
// may use a template per kind.
public sealed record EmailToSend(long Id, string Kind, string Address, string Subject, string Text, string Html, string UnsubscribeLink);

// Notify's word that it could not deliver one of Steward's e-mails (its reference carries the e-mail's id).
public sealed record Bounce(long EmailId, string Address, string Status);

// The address was refused for good (no such mailbox): mail to it stops, and its person is told in Steward.
public sealed class AddressRefusedException(string message, Exception? inner = null) : Exception(message, inner);

// The channel cannot take mail now (down, timed out, refusing Steward's credentials): the e-mails left wait
// for the next run rather than each waiting out the same failure.
public sealed class ChannelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

// Which channel carries e-mail: GOV.UK Notify when its API key is set, else the SMTP server when its host is
// set, else none, and mail is off (people still find every message in their inbox in Steward).
public sealed class EmailChannels(IOptionsMonitor<MailSettings> mail, IOptionsMonitor<NotifySettings> notify, SmtpChannel smtp, NotifyChannel notifyChannel)
{
    public IEmailChannel? Active => notify.CurrentValue.IsOn ? notifyChannel : mail.CurrentValue.IsOn ? smtp : null;

    public bool IsOn => Active is not null;

    // Checked when used rather than at start-up, so that a mistake shows on the jobs page and in the log
    // instead of stopping the node (and a service manager restarting it forever).
    public string? Problem()
    {
        if (Active is not { } channel)
        {
            return null;
        }

        var site = mail.CurrentValue.SiteAddress;
        if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"Mail:SiteAddress '{site}' is not Steward's web address (such as https://steward.example.gov.uk), which links in e-mails need";
        }

        return channel.Problem();
    }

    public bool CanSend => IsOn && Problem() is null;

    public string Link(string path) => mail.CurrentValue.SiteAddress!.TrimEnd('/') + path;
}

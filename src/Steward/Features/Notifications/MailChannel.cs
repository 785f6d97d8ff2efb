using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Steward.Features.Notifications;

// The mail server refused this address for good (no such mailbox): mail to it stops, and its person is told in Steward.
public sealed class AddressRefusedException(string message, Exception inner) : Exception(message, inner);

// Sends one e-mail through the configured SMTP server, with the RFC 8058 one-click unsubscribe headers.
public sealed class MailChannel(IOptionsMonitor<MailSettings> settings)
{
    public MailSettings Settings => settings.CurrentValue;

    public async Task SendAsync(OutgoingEmail email, string unsubscribeLink, CancellationToken ct)
    {
        var mail = Settings;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From!));
        message.To.Add(MailboxAddress.Parse(email.Address));
        message.Subject = email.Subject;
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // So that an out-of-office reply does not answer every reminder.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = mail.TimeoutSeconds * 1000 };
        await client.ConnectAsync(mail.Host!, mail.Port, mail.SecureOptions()!.Value, ct);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await client.AuthenticateAsync(mail.UserName, mail.Password ?? string.Empty, ct);
        }

        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode >= 500)
        {
            throw new AddressRefusedException($"the mail server refused {email.Address}: {(int)refused.StatusCode} {refused.Message}", refused);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
    }
}

using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Steward.Features.Notifications;

// The mail server refused this address for good (no such mailbox): mail to it stops, and its person is told in Steward.
public sealed class AddressRefusedException(string message, Exception inner) : Exception(message, inner);

// The configured SMTP server: one connection carries a delivery run's e-mails, each with the RFC 8058
// one-click unsubscribe headers.
public sealed class MailChannel(IOptionsMonitor<MailSettings> settings)
{
    public MailSettings Settings => settings.CurrentValue;

    public async Task<MailSession> ConnectAsync(CancellationToken ct)
    {
        var mail = Settings;
        var client = new SmtpClient { Timeout = mail.TimeoutSeconds * 1000 };
        try
        {
            // Commands and replies are small: without NoDelay each message waits on delayed acknowledgements
            // (70 ms an e-mail to a local server, measured), which a digest for thousands cannot afford.
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                connecting.CancelAfter(TimeSpan.FromSeconds(mail.TimeoutSeconds));
                await socket.ConnectAsync(mail.Host!, mail.Port, connecting.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, mail.Host!, mail.Port, mail.SecureOptions()!.Value, ct);
            if (!string.IsNullOrEmpty(mail.UserName))
            {
                await client.AuthenticateAsync(mail.UserName, mail.Password ?? string.Empty, ct);
            }

            return new MailSession(client, mail);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

public sealed class MailSession(SmtpClient client, MailSettings mail) : IAsyncDisposable
{
    public async Task SendAsync(OutgoingEmail email, string unsubscribeLink, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From!));
        message.To.Add(MailboxAddress.Parse(email.Address));
        message.Subject = email.Subject;
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // So that an out-of-office reply does not answer every reminder.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode >= 500)
        {
            throw new AddressRefusedException($"the mail server refused {email.Address}: {(int)refused.StatusCode} {refused.Message}", refused);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or ProtocolException or System.Net.Sockets.SocketException)
            {
                // The server went away first: nothing is left to tidy.
            }
        }

        client.Dispose();
    }
}

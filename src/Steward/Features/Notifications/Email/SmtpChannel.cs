using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Steward.Features.Notifications;

// The configured SMTP server: one connection carries a delivery run's e-mails, each with the RFC 8058
// one-click unsubscribe headers.
public sealed class SmtpChannel(IOptionsMonitor<MailSettings> settings) : IEmailChannel
{
    public MailSettings Settings => settings.CurrentValue;

    public string Name => $"the SMTP server {Settings.Host}:{Settings.Port}, from {Settings.From}";

    public string? Problem() => Settings.Problem();

    public Task<IReadOnlyList<Bounce>> BouncesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Bounce>>([]);

    public async Task<IEmailSession> OpenAsync(CancellationToken ct)
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

            return new SmtpSession(client, mail);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new ChannelUnavailableException($"could not reach the SMTP server {mail.Host}:{mail.Port}: {e.Message}", e);
        }
    }
}

internal sealed class SmtpSession(SmtpClient client, MailSettings mail) : IEmailSession
{
    public async Task SendAsync(EmailToSend email, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From!));
        message.To.Add(MailboxAddress.Parse(email.Address));
        message.Subject = email.Subject;
        message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeLink}>");
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
        catch (Exception e) when (e is System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or IOException)
        {
            throw new ChannelUnavailableException($"the SMTP server {mail.Host}:{mail.Port} stopped answering: {e.Message}", e);
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

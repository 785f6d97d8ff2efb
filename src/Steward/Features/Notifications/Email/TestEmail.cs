using FluentValidation;
using FluentValidation.Results;
using MimeKit;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

public sealed record TestEmailInput(string? Address);

public sealed record TestEmailResult(bool Sent, string Channel, string Address, string? Error);

// An administrator's check that mail works as configured: one e-mail sent at once through the active
// channel, and what the channel said. Nothing is queued or retried, and nobody's choices change.
public sealed class TestEmail(EmailChannels channels, TimeProvider clock, ILogger<TestEmail> logger)
{
    public const string Kind = "test";

    public async Task<TestEmailResult> SendAsync(TestEmailInput input, string sentBy, CancellationToken ct)
    {
        var address = input.Address?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            throw new ValidationException([new ValidationFailure("address", "Enter the e-mail address to send the test to")]);
        }

        if (address.Length > OutgoingEmail.AddressMaxLength || !MailboxAddress.TryParse(address, out var parsed) || !parsed.Address.Contains('@'))
        {
            throw new ValidationException([new ValidationFailure("address", "Enter an e-mail address in the right form, like name@example.gov.uk")]);
        }

        if (channels.Active is not { } channel)
        {
            throw new RecordStateConflictException("Mail is off: set GOV.UK Notify (Notify:ApiKey) or an SMTP server (Mail:Host) first");
        }

        if (channels.Problem() is { } problem)
        {
            throw new RecordStateConflictException($"Mail is not set up correctly: {problem}");
        }

        var at = UkFormat.DateTime(clock.GetUtcNow().UtcDateTime);
        var text = $"This is a test e-mail from Steward, sent by {sentBy} at {at} through {channel.Name}. If you can read it, Steward can e-mail people.";
        var link = channels.Link(NotificationsLinks.Preferences);
        var email = new EmailToSend(0, Kind, parsed.Address, "Test e-mail from Steward", text + "\n",
            $"<!DOCTYPE html><html lang=\"en\"><body style=\"font-family: Arial, sans-serif; color: #0b0c0c;\"><p style=\"font-size: 19px;\">{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>", link);
        try
        {
            await using var session = await channel.OpenAsync(ct);
            await session.SendAsync(email, ct);
            logger.LogInformation("Test e-mail to {Address} sent through {Channel} by {SentBy}", parsed.Address, channel.Name, sentBy);
            return new(true, channel.Name, parsed.Address, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Test e-mail to {Address} through {Channel} failed", parsed.Address, channel.Name);
            return new(false, channel.Name, parsed.Address, e.Message);
        }
    }
}

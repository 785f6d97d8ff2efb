using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;
using Notify.Interfaces;

namespace Steward.Features.Notifications;

// GOV.UK Notify, through its official client: each e-mail goes to one template with the message as its
// personalisation (README: "E-mail through GOV.UK Notify"), Steward's e-mail id as its reference and the
// signed unsubscribe link as Notify's one-click unsubscribe URL, so Notify adds the RFC 8058 headers.
// Notify learns of a bounce after accepting the e-mail: BouncesAsync asks it for those.
public sealed partial class NotifyChannel(IOptionsMonitor<NotifySettings> settings) : IEmailChannel
{
    public const string ReferencePrefix = "steward-email-";
    private const string SendEmail = "v2/notifications/email";

    private (NotifySettings Settings, NotificationClient Client)? _client;
    private readonly Lock _gate = new();

    public NotifySettings Settings => settings.CurrentValue;

    public string Name => $"GOV.UK Notify at {Settings.BaseUrl}";

    public string? Problem() => Settings.Problem();

    public Task<IEmailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IEmailSession>(new NotifySession(Client(), Settings));

    public async Task<IReadOnlyList<Bounce>> BouncesAsync(CancellationToken ct)
    {
        // The newest 250 permanent failures of the last seven days: each was newest once, and read then.
        var failures = await CallAsync(Client(), c => c.GetNotificationsAsync("email", "permanent-failure", string.Empty, string.Empty, false), ct);
        var bounces = new List<Bounce>();
        foreach (var n in failures.notifications ?? [])
        {
            if (n.reference?.StartsWith(ReferencePrefix, StringComparison.Ordinal) == true
                && long.TryParse(n.reference.AsSpan(ReferencePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                bounces.Add(new(id, n.emailAddress, n.status));
            }
        }

        return bounces;
    }

    // One client per set of settings: it holds the HttpClient, which is meant to live long.
    private NotificationClient Client()
    {
        var current = Settings;
        lock (_gate)
        {
            if (_client is { } held && ReferenceEquals(held.Settings, current))
            {
                return held.Client;
            }

            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(current.TimeoutSeconds) };
            // The client's paths are relative ("v2/notifications/email"): a base without its last slash would lose a segment.
            var client = new NotificationClient(new NotifyHttp(http, new Uri(current.BaseUrl.EndsWith('/') ? current.BaseUrl : current.BaseUrl + "/")), current.ApiKey);
            _client = (current, client);
            return client;
        }
    }

    // The client waits on its HTTP call synchronously inside its async methods: run it off the caller's thread
    // and give up waiting when the run is cancelled. Failures become what the delivery job understands.
    internal static async Task<T> CallAsync<T>(NotificationClient client, Func<NotificationClient, Task<T>> call, CancellationToken ct, string? address = null)
    {
        try
        {
            return await Task.Run(() => call(client), ct).WaitAsync(ct);
        }
        catch (NotifyClientException e) when (StatusOf(e.Message) is { } status)
        {
            if (status == 400 && address is not null && e.Message.Contains("email_address", StringComparison.Ordinal))
            {
                throw new AddressRefusedException($"GOV.UK Notify refused {address}: {e.Message}", e);
            }

            if (status is 403 or 429 or >= 500)
            {
                throw new ChannelUnavailableException(status == 403 ? $"GOV.UK Notify refused the API key (403): {e.Message}" : $"GOV.UK Notify answered {status}: {e.Message}", e);
            }

            throw new InvalidOperationException($"GOV.UK Notify refused the e-mail: {e.Message}", e);
        }
        catch (Exception e) when (e is NotifyClientException or NotifyAuthException or HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // No answer at all (unreachable, timed out).
            throw new ChannelUnavailableException($"could not reach GOV.UK Notify: {e.Message}", e);
        }
    }

    private static bool HasId(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? StatusOf(string message) => StatusCode().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^Status code (\d{3})")]
    private static partial Regex StatusCode();

    private sealed class NotifySession(NotificationClient client, NotifySettings settings) : IEmailSession
    {
        public async Task SendAsync(EmailToSend email, CancellationToken ct)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["email_address"] = email.Address,
                ["template_id"] = settings.TemplateFor(email.Kind),
                ["reference"] = ReferencePrefix + email.Id,
                ["one_click_unsubscribe_url"] = email.UnsubscribeLink,
                ["personalisation"] = new Dictionary<string, string>
                {
                    ["subject"] = email.Subject,
                    ["body"] = email.Text,
                    ["unsubscribe_url"] = email.UnsubscribeLink,
                },
            });
            // The typed SendEmailAsync of this client version has no unsubscribe URL: its own signed POST carries it.
            var answer = await CallAsync(client, c => c.POST(SendEmail, body), ct, email.Address);
            // Notify answers 201 with the notification it made; anything else is not a sent e-mail.
            if (!HasId(answer))
            {
                throw new InvalidOperationException($"GOV.UK Notify's answer named no notification: {(answer.Length > 200 ? answer[..200] : answer)}");
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // The client's HTTP seam, so that its calls time out (Notify:TimeoutSeconds) and go to Notify:BaseUrl.
    private sealed class NotifyHttp(HttpClient http, Uri baseUrl) : IHttpClient
    {
        // The client sets Notify's own address here; the configured one stands.
        public Uri BaseAddress
        {
            get => baseUrl;
            set => SetClientBaseAddress();
        }

        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

        public void SetClientBaseAddress() => http.BaseAddress = baseUrl;

        public void AddContentHeader(string header) => http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(header));

        public void AddUserAgent(string userAgent) => http.DefaultRequestHeaders.Add("User-Agent", userAgent);

        public void Dispose() => http.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Steward.Tests.Notifications;

// A local stand-in for GOV.UK Notify's API (v2), over real HTTP, that holds the client's requests to Notify's
// contract as its documentation states it: a Bearer JWT signed HS256 with the key's secret, iss the service
// id and iat within 30 seconds; JSON with email_address, a known template_id, personalisation whose values
// are text and include every placeholder the template uses, and no other properties. What it accepted is in
// Sent; anything that broke the contract is in Violations, which each test expects empty.
public sealed class NotifyStandIn : IAsyncDisposable
{
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public const string ApiKey = "steward_test-" + ServiceId + "-" + Secret;
    public const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public const string TestTemplateId = "1c8b3a6e-9d2f-4a57-8e0b-2f6d4c7a9b10";

    // Addresses Notify refuses as it would a malformed one; addresses it takes and later reports undeliverable.
    public const string RefusedDomain = "refused.test";
    public const string BouncingDomain = "bounces.test";

    private static readonly string[] Allowed = ["email_address", "template_id", "personalisation", "reference", "email_reply_to_id", "scheduled_for", "one_click_unsubscribe_url"];
    private static readonly Dictionary<string, string[]> Placeholders = new() { [TemplateId] = ["subject", "body"], [TestTemplateId] = ["subject", "body"] };

    private readonly WebApplication _app;

    public ConcurrentQueue<SentEmail> Sent { get; } = new();
    public ConcurrentQueue<string> Violations { get; } = new();

    // Answer 500 to everything, as Notify does when it is in trouble.
    public bool Failing { get; set; }

    public string BaseUrl { get; }

    public sealed record SentEmail(Guid Id, string Address, string TemplateId, IReadOnlyDictionary<string, string> Personalisation, string? Reference, string? UnsubscribeUrl);

    private NotifyStandIn(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<NotifyStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        NotifyStandIn? self = null;
        // Typed as Func, not RequestDelegate, so that the IResult each returns is written.
        app.MapPost("/v2/notifications/email", (Func<HttpContext, Task<IResult>>)(http => self!.SendEmailAsync(http)));
        app.MapGet("/v2/notifications", (Func<HttpContext, IResult>)(http => self!.ListAsync(http)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        self = new NotifyStandIn(app, address + "/");
        return self;
    }

    public IReadOnlyList<SentEmail> To(string address) => Sent.Where(s => string.Equals(s.Address, address, StringComparison.OrdinalIgnoreCase)).ToList();

    private async Task<IResult> SendEmailAsync(HttpContext http)
    {
        if (Failing)
        {
            return Error(500, "Exception", "Internal server error");
        }

        if (Authorise(http) is { } refused)
        {
            return refused;
        }

        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Violation($"Content-Type is {http.Request.ContentType}, not application/json");
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        }
        catch (JsonException e)
        {
            return Violation($"the body is not JSON: {e.Message}");
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => !Allowed.Contains(k)) is { } extra)
        {
            return Violation($"Additional properties are not allowed ({extra} was unexpected)", "ValidationError");
        }

        var address = body["email_address"]?.GetValue<string>();
        var template = body["template_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(address) || !address.Contains('@'))
        {
            return Violation("email_address is a required property", "ValidationError");
        }

        if (!Guid.TryParse(template, out _) || !Placeholders.TryGetValue(template!, out var needs))
        {
            return Violation($"template_id {template} is not a template of this service", "BadRequestError");
        }

        var personalisation = new Dictionary<string, string>();
        foreach (var (key, value) in body["personalisation"]?.AsObject() ?? [])
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                return Violation($"personalisation {key} is not text");
            }

            personalisation[key] = value.GetValue<string>();
        }

        if (needs.FirstOrDefault(n => !personalisation.ContainsKey(n)) is { } missing)
        {
            return Violation($"Missing personalisation: {missing}", "BadRequestError");
        }

        var unsubscribe = body["one_click_unsubscribe_url"]?.GetValue<string>();
        if (unsubscribe is not null && (!Uri.TryCreate(unsubscribe, UriKind.Absolute, out var link) || link.Scheme != "https"))
        {
            return Violation("one_click_unsubscribe_url is not a valid https url", "ValidationError");
        }

        if (address.EndsWith("@" + RefusedDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, "ValidationError", "email_address Not a valid email address");
        }

        var sent = new SentEmail(Guid.NewGuid(), address, template!, personalisation, body["reference"]?.GetValue<string>(), unsubscribe);
        Sent.Enqueue(sent);
        return Results.Json(new
        {
            id = sent.Id, reference = sent.Reference, uri = $"{BaseUrl}v2/notifications/{sent.Id}",
            content = new { subject = personalisation.GetValueOrDefault("subject"), body = personalisation.GetValueOrDefault("body"), from_email = "steward@notifications.service.gov.uk", one_click_unsubscribe_url = unsubscribe },
            template = new { id = template, version = 1, uri = $"{BaseUrl}v2/template/{template}" },
            scheduled_for = (string?)null,
        }, statusCode: 201);
    }

    // GET /v2/notifications?template_type=email&status=permanent-failure: the e-mails to the bouncing domain.
    private IResult ListAsync(HttpContext http)
    {
        if (Failing)
        {
            return Error(500, "Exception", "Internal server error");
        }

        if (Authorise(http) is { } refused)
        {
            return refused;
        }

        var status = http.Request.Query["status"].ToString();
        var type = http.Request.Query["template_type"].ToString();
        var failed = Sent.Where(s => s.Address.EndsWith("@" + BouncingDomain, StringComparison.OrdinalIgnoreCase)).Reverse()
            .Where(_ => status is "" or "permanent-failure" && type is "" or "email")
            .Select(s => new { id = s.Id, reference = s.Reference, email_address = s.Address, type = "email", status = "permanent-failure", template = new { id = s.TemplateId, version = 1 } });
        return Results.Json(new { notifications = failed, links = new { current = $"{BaseUrl}v2/notifications", next = (string?)null } });
    }

    private IResult? Authorise(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Violation("Unauthorized: authentication token must be provided", "AuthError", 401);
        }

        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return Violation("Invalid token: not a JWT", "AuthError", 403);
        }

        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (signature != parts[2])
        {
            return Violation("Invalid token: signature, api token not found", "AuthError", 403);
        }

        var head = JsonNode.Parse(FromBase64Url(parts[0]))!;
        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!;
        if (head["alg"]?.GetValue<string>() != "HS256")
        {
            return Violation("Invalid token: algorithm is not HS256", "AuthError", 403);
        }

        if (claims["iss"]?.ToString() != ServiceId)
        {
            return Violation("Invalid token: iss field not provided or not the service id", "AuthError", 403);
        }

        var issued = claims["iat"]?.GetValue<double>() ?? 0;
        return Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - issued) > 30 ? Violation("Error: Your system clock must be accurate to within 30 seconds", "AuthError", 403) : null;
    }

    private IResult Violation(string message, string error = "BadRequestError", int status = 400)
    {
        Violations.Enqueue(message);
        return Error(status, error, message);
    }

    private static IResult Error(int status, string error, string message) =>
        Results.Json(new { status_code = status, errors = new[] { new { error, message } } }, statusCode: status);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

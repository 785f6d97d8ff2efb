namespace Steward.Features.Notifications;

// E-mail through GOV.UK Notify (STEWARD_NOTIFY__APIKEY, STEWARD_NOTIFY__TEMPLATEID and the rest). When an
// API key is set Notify carries every e-mail and the SMTP settings are not used.
public sealed class NotifySettings
{
    public const string Section = "Notify";
    public const string GovukNotify = "https://api.notifications.service.gov.uk/";

    // As Notify shows it when the key is made: its name, then the service id and the secret, each 36 characters.
    public string? ApiKey { get; set; }

    // Notify's API; another address only for a stand-in (tests) or a proxy that forwards to Notify.
    public string BaseUrl { get; set; } = GovukNotify;

    // The e-mail template every message uses, unless Templates names one for its kind.
    public string? TemplateId { get; set; }

    // Message kind (digest, due-now, test, email-refused ...) to template id.
    public Dictionary<string, string> Templates { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsOn => !string.IsNullOrWhiteSpace(ApiKey);

    public string TemplateFor(string kind) => Templates.TryGetValue(kind, out var id) && !string.IsNullOrWhiteSpace(id) ? id : TemplateId!;

    // Why Notify cannot be used as configured, or null. Never repeats the key: the message reaches logs and pages.
    public string? Problem()
    {
        if (!IsOn)
        {
            return null;
        }

        if (!IsApiKey(ApiKey!))
        {
            return "Notify:ApiKey is not a GOV.UK Notify API key: expected the key's name followed by two ids of 36 characters (the service id and the secret), "
                + "as Notify shows it when the key is created, with no spaces";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            return $"Notify:BaseUrl '{BaseUrl}' is not a web address (GOV.UK Notify's is {GovukNotify})";
        }

        if (!Guid.TryParse(TemplateId, out _))
        {
            return $"Notify:TemplateId '{TemplateId}' is not a Notify template id (36 characters, from the template's page in Notify)";
        }

        if (Templates.FirstOrDefault(t => !Guid.TryParse(t.Value, out _)) is { Key: not null } bad)
        {
            return $"Notify:Templates:{bad.Key} '{bad.Value}' is not a Notify template id";
        }

        return TimeoutSeconds is < 1 or > 600 ? $"Notify:TimeoutSeconds {TimeoutSeconds} must be from 1 to 600" : null;
    }

    // "{name}-{service id}-{secret}": the form Notify's client takes apart (it checks the length only).
    public static bool IsApiKey(string key) =>
        key.Length >= 74 && !key.Any(char.IsWhiteSpace) && Guid.TryParseExact(key[^73..^37], "D", out _) && key[^37] == '-' && Guid.TryParseExact(key[^36..], "D", out _);

    public (string ServiceId, string Secret) Credentials() => (ApiKey![^73..^37], ApiKey![^36..]);
}

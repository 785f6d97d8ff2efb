using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Notifications;

// The link at the foot of every e-mail: stops those kinds of message without signing in. A mail client's
// one-click unsubscribe (RFC 8058) POSTs here with no form token, so none is asked for; the signed link is
// what proves the request. A forged, altered or expired link is refused (400) and changes nothing.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeLinks links, NotificationPreferences preferences) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public string? Kinds { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet() => Read() is { } from ? Show(from) : Refuse();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Read() is not { } from)
        {
            return Refuse();
        }

        await preferences.UnsubscribeAsync(from, ct);
        Done = true;
        return Show(from);
    }

    private Unsubscription? Read() => links.Read(Token);

    private PageResult Show(Unsubscription from)
    {
        Kinds = preferences.LabelsOf(from.Kinds);
        return Page();
    }

    private PageResult Refuse()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

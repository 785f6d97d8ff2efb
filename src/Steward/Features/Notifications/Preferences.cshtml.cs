using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

// What the signed-in person hears about, how, and when their daily digest comes.
[AnySignedIn]
public sealed class PreferencesModel(NotificationPreferences preferences) : PageModel
{
    public static readonly IReadOnlyList<string> FieldOrder = [nameof(DigestAt)];

    [BindProperty] public string? DigestAt { get; set; }

    [BindProperty] public Dictionary<string, string> Kinds { get; set; } = [];

    [BindProperty] public bool ResumeEmail { get; set; }

    public NotificationPreferencesView? Current { get; private set; }

    public string? NoPerson { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await preferences.SetAsync(new NotificationPreferencesInput(DigestAt, Kinds, ResumeEmail), null, ct);
            TempData["Notice"] = "Your notification choices are saved.";
            return Redirect(NotificationsLinks.Preferences);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.PropertyName == "digestAt" ? nameof(DigestAt) : error.PropertyName, error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            var posted = DigestAt;
            await LoadAsync(ct);
            DigestAt = posted;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Current = await preferences.MineAsync(ct);
            DigestAt = Current.DigestAt;
        }
        catch (ValidationException none)
        {
            NoPerson = none.Errors.First().ErrorMessage;
        }
    }

    public static string Label(Delivery delivery) => delivery switch
    {
        Delivery.Immediately => "At once",
        Delivery.Digest => "In my daily digest",
        _ => "Not at all",
    };

    public static string Value(Delivery delivery) => EnumText.Of(delivery);
}

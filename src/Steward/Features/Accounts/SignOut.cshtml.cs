using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Accounts;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StewardUser> signIn, UserManager<StewardUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Units/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every cookie of this account worthless on the server, not only the
        // one this browser forgets: a copy saved before signing out no longer signs anyone in.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Notice"] = "You have signed out";
        return RedirectToPage("/Units/Index");
    }
}

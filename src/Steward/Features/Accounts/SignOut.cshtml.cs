using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Accounts;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StewardUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Units/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Notice"] = "You have signed out";
        return RedirectToPage("/Units/Index");
    }
}

using Steward.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Accounts;

[AnySignedIn]
public sealed class ChangePasswordModel(UserManager<StewardUser> users, SignInManager<StewardUser> signIn) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public static readonly IReadOnlyList<string> FieldOrder = [nameof(CurrentPassword), nameof(NewPassword)];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        }

        if (ModelState.IsValid)
        {
            var user = await users.GetUserAsync(User);
            if (user is null)
            {
                return Challenge();
            }

            var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Notice"] = "Your password has been changed";
                return RedirectToPage("/Units/Index");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        CurrentPassword = NewPassword = null;
        return Page();
    }
}

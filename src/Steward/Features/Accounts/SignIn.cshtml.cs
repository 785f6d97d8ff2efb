using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Steward.Infrastructure;

namespace Steward.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(SignInServiceCollectionExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<StewardUser> signIn, UserManager<StewardUser> users, IConfiguration configuration) : PageModel
{
    // One answer for an unknown address, a wrong password, a locked or a disabled account: no one can
    // learn from this page whether an address has an account.
    public const string Refused = "Enter a correct email address and password. After 10 wrong tries in a row, an account is locked for 15 minutes.";

    private static readonly string DummyHash = new PasswordHasher<StewardUser>().HashPassword(new StewardUser { DisplayName = "-" }, Guid.NewGuid().ToString());

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool IsDemo => configuration.IsDemo();

    public static readonly IReadOnlyList<string> FieldOrder = [nameof(Email), nameof(Password)];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (ModelState.IsValid)
        {
            var user = await users.FindByEmailAsync(Email!.Trim());
            // A locked account is refused without looking at the password, which is quick: it too spends the
            // time a real check takes, so how long the answer takes never tells whether an address has an account.
            if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
            {
                // Spend the same time as a real check, so timing does not tell either.
                users.PasswordHasher.VerifyHashedPassword(new StewardUser { DisplayName = "-" }, DummyHash, Password!);
            }
            else if ((await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true)).Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }

            ModelState.AddModelError(string.Empty, Refused);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}

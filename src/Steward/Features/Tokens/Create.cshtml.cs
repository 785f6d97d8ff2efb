using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Tokens;

[AnySignedIn]
public sealed class CreateModel(TokenService tokens) : PageModel
{
    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.Expires"];

    [BindProperty]
    public TokenForm Input { get; set; } = new();

    // Shown once, on the answer to the form, and never stored.
    public string? Secret { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var expires = Input.Expires.Read("Expiry date", out var dateError);
        try
        {
            if (dateError is not null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("expires", dateError)]);
            }

            var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            (_, Secret) = await tokens.CreateAsync(userId, Input.Name, Input.ReadOnly, expires, ct);
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.PropertyName == "expires" ? "Input.Expires" : "Input.Name", error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public sealed class TokenForm
    {
        public string? Name { get; set; }
        public DateParts Expires { get; set; } = new();
        public bool ReadOnly { get; set; }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Site;

// Reached by re-execution from the status-code and exception middleware; keeps the original status.
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        // After an exception the handler has already chosen the status (403 for a refusal, say).
        Code = code == 500 && Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = Code;
        return Page();
    }
}

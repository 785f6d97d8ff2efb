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

    // Whether the refused page belongs to a unit, so a 403 speaks of access to "this unit" only there.
    public bool AboutAUnit { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        // After an exception the handler has already chosen the status (403 for a refusal, say).
        Code = code == 500 && Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = Code;
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path;
        AboutAUnit = original is not null && original.StartsWith("/units/", StringComparison.OrdinalIgnoreCase)
            && !original.StartsWith("/units/new", StringComparison.OrdinalIgnoreCase);
        return Page();
    }
}

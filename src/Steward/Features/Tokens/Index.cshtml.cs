using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Tokens;

// Everyone's own tokens, whatever their roles: a token can never do more than its owner.
[AnySignedIn]
public sealed class IndexModel(TokenService tokens, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(UserId, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await tokens.RevokeAsync(id, UserId, ct);
            TempData["Notice"] = "The token has been revoked. Anything using it can no longer reach the API.";
        }
        catch (Exception gone) when (gone is RecordNotFoundException or RecordStateConflictException)
        {
            TempData["Notice"] = "That token was already revoked.";
        }

        return RedirectToPage();
    }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}

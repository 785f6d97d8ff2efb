using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Accounts;

// How long a signed-in session lasts (configuration section "Sessions"): it ends after IdleMinutes
// without a request (30 by default) and AbsoluteHours after signing in whatever happens (12), and at
// once when its account signs out, is disabled or has its password reset. The last is checked on every
// request against the account's security stamp (one small query), so a cookie saved before signing out
// is worth nothing afterwards, on every node.
public sealed class SessionLifetime
{
    public const string Section = "Sessions";
    private const string SignedInAt = "steward.signed_in_at";

    public int IdleMinutes { get; set; } = 30;

    public int AbsoluteHours { get; set; } = 12;

    // Stamps the moment of signing in into the cookie, where renewing it for sliding expiry keeps it.
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAt))
        {
            context.Properties.Items[SignedInAt] = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionLifetime>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks;
        var signedIn = context.Properties.Items.TryGetValue(SignedInAt, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : 0;
        var stamp = context.Principal?.FindFirstValue(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
        var userId = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var valid = signedIn > 0 && TimeSpan.FromTicks(now - signedIn) <= TimeSpan.FromHours(lifetime.AbsoluteHours) && stamp is not null && userId is not null
            && await services.GetRequiredService<StewardDbContext>().Users.AsNoTracking()
                .AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && !u.IsDisabled, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

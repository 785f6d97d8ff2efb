using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Steward.Features.Accounts;

// Adds the display name, so pages and the history can say who someone is without a query.
public sealed class StewardClaimsFactory(UserManager<StewardUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StewardUser>(users, options)
{
    public const string DisplayName = "steward:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StewardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}

using Microsoft.AspNetCore.Identity;

namespace Steward.Features.Accounts;

// Someone who signs in. Linked to the person record that units name as SRO or manager and that roles are
// granted to; an Administrator is an account whose person holds that role on the whole department.
public sealed class StewardUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public required string DisplayName { get; set; }
    public Guid? PersonId { get; set; }
    public bool IsDisabled { get; set; }
}

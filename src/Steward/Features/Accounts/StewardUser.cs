using Microsoft.AspNetCore.Identity;

namespace Steward.Features.Accounts;

// Someone who signs in. Linked to the person record that units name as SRO or manager, when there is one.
public sealed class StewardUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public required string DisplayName { get; set; }
    public Guid? PersonId { get; set; }
    public bool IsAdministrator { get; set; }
    public bool IsDisabled { get; set; }
}

using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Access;

// The addresses of the access pages. unit: the unit's code.
[PageLinks]
public static class AccessLinks
{
    // What each role may do.
    public static string Roles => "/roles";

    // email and role fill the form in, as when the unit's page offers a named SRO or manager their role.
    public static string Grant(string unit, string? email = null, StewardRole? role = null) =>
        $"/units/{Segment(unit)}/roles/new" + (email is null ? string.Empty : $"?email={Uri.EscapeDataString(email)}" + (role is null ? string.Empty : $"&role={role}"));

    public static string Remove(string unit, Guid assignment) => $"/units/{Segment(unit)}/roles/{assignment}/remove";
}

using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Access;

// The addresses of the access pages. unit: the unit's code.
[PageLinks]
public static class AccessLinks
{
    // What each role may do.
    public static string Roles => "/roles";

    public static string Grant(string unit) => $"/units/{Segment(unit)}/roles/new";

    public static string Remove(string unit, Guid assignment) => $"/units/{Segment(unit)}/roles/{assignment}/remove";
}

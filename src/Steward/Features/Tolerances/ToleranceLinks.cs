using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Tolerances;

// The addresses of the tolerance pages. unit: the unit's code.
[PageLinks]
public static class ToleranceLinks
{
    public static string Index(string unit) => $"/units/{Segment(unit)}/tolerances";

    // dimension: time, cost, scope, quality, benefits, risk, issues or dependencies.
    public static string Edit(string unit, string dimension) => $"{Index(unit)}/{Segment(dimension)}";
}

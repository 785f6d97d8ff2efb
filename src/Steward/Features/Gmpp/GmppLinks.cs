using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Gmpp;

// The addresses of the GMPP pages. unit: the unit's code.
[PageLinks]
public static class GmppLinks
{
    public static string Unit(string unit) => $"/units/{Segment(unit)}/gmpp";

    public static string Edit(string unit) => $"{Unit(unit)}/edit";

    public static string Import(string unit) => $"{Unit(unit)}/import";

    public static string Narratives(string unit) => $"{Unit(unit)}/narratives";

    public static string Return(string unit) => $"{Unit(unit)}/return";
}

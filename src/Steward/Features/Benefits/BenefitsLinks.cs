using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Benefits;

// The addresses of the benefits pages. unit: the unit's code; reference: B-0007.
[PageLinks]
public static class BenefitsLinks
{
    public static string Register(string unit) => $"/units/{Segment(unit)}/benefits";

    // The benefits the signed-in person owns, wherever they are.
    public const string Owned = "/benefits/owned";

    public static string Import(string unit) => $"{Register(unit)}/import";

    public static string Handover(string unit) => $"{Register(unit)}/handover";

    public static string Map(string unit) => $"{Register(unit)}/map";

    public static string Realisation(string unit) => $"{Register(unit)}/realisation";

    public static string New(string unit) => $"{Register(unit)}/new";

    public static string Benefit(string unit, string reference) => $"{Register(unit)}/{Segment(reference)}";

    public static string Edit(string unit, string reference) => $"{Benefit(unit, reference)}/edit";
}

using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Reporting.BoardPacks;

// The addresses of the board pack pages. unit: the unit's code.
[PageLinks]
public static class BoardPackLinks
{
    public static string Packs(string unit) => $"/units/{Segment(unit)}/board-packs";

    public static string Pack(string unit, Guid id) => $"{Packs(unit)}/{id}";

    public static string Pdf(string unit, Guid id) => $"{Pack(unit, id)}?handler=pdf";
}

using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Reporting.Exceptions;

// The addresses of the exception pages. unit: the unit's code; reference: EX-0004.
[PageLinks]
public static class ExceptionLinks
{
    public static string Exceptions(string unit) => $"/units/{Segment(unit)}/exceptions";

    public static string Exception(string unit, string reference) => $"{Exceptions(unit)}/{Segment(reference)}";
}

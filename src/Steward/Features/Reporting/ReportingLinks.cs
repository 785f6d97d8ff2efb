using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Reporting;

// The addresses of the reporting pages. unit: the unit's code; reference: SR-0012.
[PageLinks]
public static class ReportingLinks
{
    public static string Reports(string unit) => $"/units/{Segment(unit)}/reports";

    public static string Cycle(string unit) => $"{Reports(unit)}/cycle";

    public static string Due(string unit) => $"{Reports(unit)}/due";

    // Reports due for the units the signed-in person is SRO or manager of.
    public const string Mine = "/reports/mine";

    public static string Report(string unit, string reference) => $"{Reports(unit)}/{Segment(reference)}";

    public static string Edit(string unit, string reference) => $"{Report(unit, reference)}/edit";
}

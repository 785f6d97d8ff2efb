using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Finance;

// The addresses of the finance pages. unit: the unit's code.
[PageLinks]
public static class FinanceLinks
{
    public static string Index(string unit) => $"/units/{Segment(unit)}/finance";

    public static string Ledger(string unit) => $"{Index(unit)}/ledger";

    public static string Breaches(string unit) => $"{Index(unit)}/breaches";

    public static string Move(string unit) => $"{Index(unit)}/move";

    public static string BusinessCase(string unit) => $"/units/{Segment(unit)}/business-case";

    public static string EditBusinessCase(string unit) => $"{BusinessCase(unit)}/edit";

    // layer: forecast, actuals or budget; year: 2026-27.
    public static string Edit(string unit, string layer, string year) => $"{Index(unit)}/{Segment(layer)}/{Segment(year)}";
}

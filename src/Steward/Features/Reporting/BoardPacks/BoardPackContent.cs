using Steward.Features.Reporting.Dashboard;
using Steward.Features.Reporting.Exceptions;
using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// Everything one board pack prints, gathered once. Facts: those of the unit's own report of record for
// the period where it has one (frozen at submission), otherwise gathered live (FactsLive) and said so.
public sealed record BoardPackContent(
    UnitView Unit,
    ReportingPeriod Period,
    string Scale,
    DateTime PreparedAt,
    StatusReportView? OwnReport,
    ReportFacts Facts,
    bool FactsLive,
    DashboardView Dashboard,
    DcaDistribution Distribution,
    IReadOnlyList<ExceptionView> OpenExceptions,
    IReadOnlyList<BoardPackReport> Reports,
    int ReportsLeftOut)
{
    // Every decision the reports ask the board for, the unit's own first.
    public IEnumerable<(UnitRef Unit, string Reference, string Text)> DecisionsNeeded =>
        (OwnReport is null ? [] : new[] { OwnReport }).Concat(Reports.Select(r => r.Report).OfType<StatusReportView>())
            .Where(r => !string.IsNullOrWhiteSpace(r.DecisionsNeeded)).Select(r => (r.Unit, r.Reference, r.DecisionsNeeded!));
}

// A unit below and its report of record for the period, or null where it has none.
public sealed record BoardPackReport(UnitRef Unit, StatusReportView? Report);

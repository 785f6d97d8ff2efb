using Steward.Features.Finance;
using Steward.Features.People;
using Steward.Features.Units;

namespace Steward.Features.Reporting.Dashboard;

// One unit below the dashboard's unit: its latest report of record, whether its report is late, and what
// needs attention in it and below it.
public sealed record DashboardRow(
    UnitRef Unit,
    string Category,
    string Stage,
    string Status,
    PersonRef? Sro,
    string? ReportPeriod,
    string? Dca,
    string? DcaLabel,
    IReadOnlyDictionary<string, string?> Ratings,
    bool ReportLate,
    int OpenExceptions,
    int MilestonesAtRisk,
    FinancePosition? Year,
    decimal? YearVariancePercent,
    bool CostBeyondTolerance,
    Money? BenefitsPlanned,
    Money? BenefitsRealised);

public sealed record DashboardView(
    UnitRef Unit,
    string Scale,
    string? FinancialYear,
    int Children,
    IReadOnlyList<DashboardRow> Rows,
    IReadOnlyDictionary<string, int> DcaCounts,
    int ReportsLate,
    int OpenExceptions,
    int MilestonesAtRisk);

// What the dashboard is narrowed to and ordered by; each null or blank means all.
public sealed record DashboardFilter(string? Category = null, string? Stage = null, string? Dca = null, Guid? Sro = null, string? Sort = null, bool Descending = false)
{
    public static readonly IReadOnlyList<string> Sorts = ["code", "name", "dca", "late", "exceptions", "milestones", "variance"];
}

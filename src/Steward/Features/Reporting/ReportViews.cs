using Steward.Features.Finance;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Facts: live while the report is a draft (FactsFrozen false), its snapshot's once submitted.
public sealed record StatusReportView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Cadence,
    string Period,
    string PeriodDescription,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    int Edition,
    string? Corrects,
    string? CorrectionReason,
    string? CorrectedBy,
    string State,
    string? Summary,
    string? Achievements,
    string? NextPeriod,
    string? DecisionsNeeded,
    string? FiguresNote,
    DcaView? Dca,
    IReadOnlyList<DimensionView> Dimensions,
    string? PreviousReport,
    DateTime? SubmittedAt,
    string? SubmittedBy,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? ReturnComment,
    bool FactsFrozen,
    string? SnapshotDigest,
    ReportFacts Facts,
    int Version,
    DateTime UpdatedAt) : IEntryView;

// Rating as recorded on its scale; Label shows it, DisplayedAs how it reads on the scale the portfolio uses now.
public sealed record DcaView(string Rating, string Label, string Scale, string DisplayedAs, string? Justification, string? Previous, bool Worse);

public sealed record DimensionView(string Dimension, string? Rating, string? Justification, string? Previous, bool Worse);

public sealed record StatusReportSummary(
    string Reference, UnitRef Unit, string Period, string PeriodDescription, int Edition, string State, string? Dca, string? DcaLabel, DateOnly DueOn, DateTime? SubmittedAt);

// A report due (or late) for one of a unit's last ended periods: not started, in draft, or returned.
public sealed record ReportDue(UnitRef Unit, string Period, string PeriodDescription, DateOnly DueOn, bool Late, string? Reference, string State);

public sealed record ReportsDueView(int UnitsReporting, int Due, int Late, IReadOnlyList<ReportDue> Reports);

public sealed record ReportingCycleView(
    UnitRef Unit, string Cadence, int DueDays, UnitRef? CadenceSetAt, string Scale, UnitRef? ScaleSetAt, bool ForbidSelfApproval, UnitRef? SelfApprovalSetAt,
    bool OwnCycle, int Version, string LastEndedPeriod, string LastEndedDescription, DateOnly LastEndedDueOn);

// One report of record on a unit's trend: ratings as recorded (Dca) and as read on today's scale (DcaShown).
public sealed record TrendPoint(
    string Period, string Reference, string State, string? Dca, string? DcaShown, IReadOnlyList<DimensionView> Dimensions, int? EndDriftDays,
    Money? YearBudget, Money? YearForecast, Money? YearActuals, Money? BenefitsPlanned, Money? BenefitsRealised);

public sealed record ReportTrend(UnitRef Unit, string Scale, IReadOnlyList<TrendPoint> Points);

// How many units below stood at each DCA by month (the report of record whose period ended that month).
public sealed record DcaMonth(string Month, IReadOnlyDictionary<string, int> Counts);

// Units whose DCA moved between their last two reports: "3 projects moved from Amber to Red".
public sealed record DcaMovement(string From, string To, IReadOnlyList<UnitRef> Units)
{
    public bool Worse => DeliveryConfidence.Severity(Enum.Parse<DcaRating>(From.Replace("-", string.Empty, StringComparison.Ordinal), true))
        < DeliveryConfidence.Severity(Enum.Parse<DcaRating>(To.Replace("-", string.Empty, StringComparison.Ordinal), true));
}

public sealed record DcaDistribution(UnitRef Unit, string Scale, IReadOnlyList<DcaMonth> Months, IReadOnlyList<DcaMovement> Movements);

public sealed record IndependentDcaView(Guid Id, DateOnly AssessedOn, string Source, string Rating, string Label, string Scale, string? Comment, string? RecordedBy);

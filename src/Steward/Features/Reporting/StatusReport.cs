using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// A status (highlight) report for one unit and period (SR-0012). The manager drafts it from live data;
// submitting freezes what it quotes (ReportSnapshot) and it can no longer change: a correction is a new
// edition of the same period that says what changed, and both are kept.
public sealed class StatusReport : NumberedEntry
{
    public const string ReferencePrefix = "SR-";
    public const int TextMaxLength = 8000;
    public const int JustificationMaxLength = 1000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public ReportingCadence Cadence { get; set; }
    public required string Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    // 1 for the first report of the period; each correction is the next.
    public int Edition { get; set; } = 1;
    public Guid? CorrectsId { get; set; }
    public string? CorrectionReason { get; set; }

    public StatusReportState State { get; set; }

    public string? Summary { get; set; }
    public string? Achievements { get; set; }
    public string? NextPeriod { get; set; }
    public string? DecisionsNeeded { get; set; }

    // Where the author confirms or corrects the figures the report was pre-filled with.
    public string? FiguresNote { get; set; }

    // The SRO's delivery confidence: proposed by whoever drafts, the SRO's once the SRO submits or approves.
    public DcaRating? Dca { get; set; }
    public DcaScale DcaScale { get; set; }
    public string? DcaJustification { get; set; }

    public Rag? Schedule { get; set; }
    public string? ScheduleJustification { get; set; }
    public Rag? Cost { get; set; }
    public string? CostJustification { get; set; }
    public Rag? Benefits { get; set; }
    public string? BenefitsJustification { get; set; }
    public Rag? Risk { get; set; }
    public string? RiskJustification { get; set; }
    public Rag? Resources { get; set; }
    public string? ResourcesJustification { get; set; }
    public Rag? Scope { get; set; }
    public string? ScopeJustification { get; set; }

    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? ReturnComment { get; set; }
}

public enum StatusReportState
{
    Draft,
    Submitted,
    Approved,
    Returned,

    // A correction of it has been submitted: it is kept, but the correction is the report of record.
    Superseded,
}

// The six dimensions a report rates, each red, amber or green with a justification when it worsens.
public enum ReportDimension
{
    Schedule,
    Cost,
    Benefits,
    Risk,
    Resources,
    Scope,
}

public static class ReportDimensions
{
    public static Rag? Rating(this StatusReport report, ReportDimension dimension) => dimension switch
    {
        ReportDimension.Schedule => report.Schedule,
        ReportDimension.Cost => report.Cost,
        ReportDimension.Benefits => report.Benefits,
        ReportDimension.Risk => report.Risk,
        ReportDimension.Resources => report.Resources,
        _ => report.Scope,
    };

    public static string? Justification(this StatusReport report, ReportDimension dimension) => dimension switch
    {
        ReportDimension.Schedule => report.ScheduleJustification,
        ReportDimension.Cost => report.CostJustification,
        ReportDimension.Benefits => report.BenefitsJustification,
        ReportDimension.Risk => report.RiskJustification,
        ReportDimension.Resources => report.ResourcesJustification,
        _ => report.ScopeJustification,
    };

    public static void Rate(this StatusReport report, ReportDimension dimension, Rag? rating, string? justification)
    {
        switch (dimension)
        {
            case ReportDimension.Schedule: (report.Schedule, report.ScheduleJustification) = (rating, justification); break;
            case ReportDimension.Cost: (report.Cost, report.CostJustification) = (rating, justification); break;
            case ReportDimension.Benefits: (report.Benefits, report.BenefitsJustification) = (rating, justification); break;
            case ReportDimension.Risk: (report.Risk, report.RiskJustification) = (rating, justification); break;
            case ReportDimension.Resources: (report.Resources, report.ResourcesJustification) = (rating, justification); break;
            default: (report.Scope, report.ScopeJustification) = (rating, justification); break;
        }
    }

    public static string Label(ReportDimension dimension) => dimension.ToString();
}

namespace Steward.Features.Reporting;

// A unit's own reporting rules; a blank scale or self-approval choice follows the unit above.
public sealed record ReportingCycleInput(string? Cadence, int? DueDays, string? Scale, bool? ForbidSelfApproval);

public sealed record DraftRequest(string? Period);

// A dimension's red, amber or green, with why (required when it is worse than the last report's).
public sealed record RatingInput(string? Rating, string? Justification);

// What the author writes: the words and the ratings. The figures are Steward's (ReportFacts).
public sealed record StatusReportInput(
    string? Summary,
    string? Achievements,
    string? NextPeriod,
    string? DecisionsNeeded,
    string? FiguresNote,
    string? Dca,
    string? DcaJustification,
    RatingInput? Schedule = null,
    RatingInput? Cost = null,
    RatingInput? Benefits = null,
    RatingInput? Risk = null,
    RatingInput? Resources = null,
    RatingInput? Scope = null)
{
    public RatingInput? For(ReportDimension dimension) => dimension switch
    {
        ReportDimension.Schedule => Schedule,
        ReportDimension.Cost => Cost,
        ReportDimension.Benefits => Benefits,
        ReportDimension.Risk => Risk,
        ReportDimension.Resources => Resources,
        _ => Scope,
    };
}

public sealed record ReturnRequest(string? Comment);

public sealed record CorrectionRequest(string? Reason);

public sealed record IndependentDcaInput(DateOnly? AssessedOn, string? Source, string? Rating, string? Comment);

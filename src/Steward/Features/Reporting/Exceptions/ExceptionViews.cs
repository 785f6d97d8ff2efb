using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.Exceptions;

public sealed record ExceptionReportInput(string? Cause, string? Consequences, string? Options, string? Recommendation, string? Lessons);

// BoardId: the board that decided; default the deciding level's board (the first by name), else the person deciding.
public sealed record ExceptionDecisionInput(string? Outcome, DateOnly? DecidedOn, Guid? BoardId = null);

public sealed record ExceptionView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Dimension,
    bool Forecast,
    decimal Value,
    decimal Limit,
    string Measure,
    string Evidence,
    UnitRef RaisedTo,
    DateTime OpenedAt,
    int AgeDays,
    string State,
    string? Cause,
    string? Consequences,
    string? Options,
    string? Recommendation,
    string? Lessons,
    DateTime? SubmittedAt,
    string? SubmittedBy,
    string? Decision,
    string? Outcome,
    DateTime? DecidedAt,
    int Version,
    DateTime UpdatedAt) : IEntryView;

using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.Exceptions;

// An exception (EX-0004): a unit's tolerance breached, or forecast to be, on time, cost, benefits, scope
// or risk. Steward opens it with the evidence; the unit's manager completes the PRINCE2 exception report
// (cause, consequences, options, recommendation, lessons); it goes to the board of the level that set
// the tolerance (RaisedTo; the level above where the unit set its own) and ends in a decision recorded in
// that level's governance register.
public sealed class ExceptionReport : NumberedEntry
{
    public const string ReferencePrefix = "EX-";
    public const int TextMaxLength = 8000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public ToleranceDimension Dimension { get; set; }

    // A forecast breach: the forecast (an end date, a year's spend) is beyond tolerance, not yet the actual.
    public bool Forecast { get; set; }
    public decimal Value { get; set; }
    public decimal Limit { get; set; }
    public required string Evidence { get; set; }

    // The level that set the tolerance: its board decides.
    public Guid RaisedToId { get; set; }
    public DeliveryUnit? RaisedTo { get; set; }

    public DateTime OpenedAt { get; set; }
    public ExceptionState State { get; set; }

    // Set while the exception is open, so a unit has one open exception a dimension (a unique index;
    // null once decided, as nulls are distinct in both databases).
    public string? OpenKey { get; set; }

    public string? Cause { get; set; }
    public string? Consequences { get; set; }
    public string? Options { get; set; }
    public string? Recommendation { get; set; }
    public string? Lessons { get; set; }

    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    public Guid? DecisionId { get; set; }
    public string? Outcome { get; set; }
    public DateTime? DecidedAt { get; set; }
}

public enum ExceptionState
{
    // Opened by Steward; the report is being written.
    Open,

    // The exception report is with the board.
    WithBoard,

    // The board decided; the decision is in its governance register.
    Decided,
}

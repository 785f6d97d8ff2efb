using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

public enum AssumptionStatus
{
    Unvalidated,
    Validated,
    Invalid,
}

// Something a unit's plans take to be true without proof. If it proves wrong it becomes a problem
// (an issue) or a possibility (a risk), which marking it invalid can raise in the same step.
public sealed class Assumption : RaidEntry
{
    public const string ReferencePrefix = "A-";
    public const int StatementMaxLength = 1000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Statement { get; set; }
    public string? ImpactIfWrong { get; set; }
    public DateOnly? ValidationDue { get; set; }
    public AssumptionStatus Status { get; set; }

    // The issue or risk raised when it proved invalid.
    public string? FollowUp { get; set; }
}

using Steward.Features.People;
using Steward.Features.Units;
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
public sealed class Assumption : IRaidItem
{
    public const string ReferencePrefix = "A-";
    public const int StatementMaxLength = 1000;

    public Guid Id { get; set; }
    public int Number { get; set; }
    public string Reference => EntryReference.Format(ReferencePrefix, Number);

    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public required string Statement { get; set; }
    public string? ImpactIfWrong { get; set; }
    public Guid OwnerId { get; set; }
    public Person? Owner { get; set; }
    public DateOnly? ValidationDue { get; set; }
    public AssumptionStatus Status { get; set; }

    // Why its status last changed (closed, realised, reopened...), as the person who changed it said;
    // the history keeps every earlier reason.
    public string? StatusReason { get; set; }

    // The issue or risk raised when it proved invalid.
    public string? FollowUp { get; set; }

    public Guid? EscalatedToId { get; set; }
    public DeliveryUnit? EscalatedTo { get; set; }
    public bool EscalatedByHand { get; set; }
    public string? EscalationReason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Something that has happened and must be dealt with, often a risk that was realised.
public sealed class Issue : IRaidItem
{
    public const string ReferencePrefix = "I-";

    public Guid Id { get; set; }
    public int Number { get; set; }
    public string Reference => EntryReference.Format(ReferencePrefix, Number);

    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public IssuePriority Priority { get; set; }
    public string? Impact { get; set; }

    public Guid OwnerId { get; set; }
    public Person? Owner { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? TargetResolutionDate { get; set; }
    public string? Resolution { get; set; }
    public IssueStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }

    // Why its status last changed (closed, realised, reopened...), as the person who changed it said;
    // the history keeps every earlier reason.
    public string? StatusReason { get; set; }

    // The risk this issue came from, when it was raised by realising one.
    public Guid? RiskId { get; set; }
    public Risk? Risk { get; set; }

    public Guid? EscalatedToId { get; set; }
    public DeliveryUnit? EscalatedTo { get; set; }
    public bool EscalatedByHand { get; set; }
    public string? EscalationReason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What a risk, an issue, an assumption and a dependency share: an owner, the reason for the last
// status step, and escalation up the unit tree.
public abstract class RaidEntry : NumberedEntry, IRaidItem
{
    public Guid OwnerId { get; set; }
    public Person? Owner { get; set; }

    // Why its status last changed (closed, realised, delivered, reopened...), as the person who took the
    // step said; the history keeps every earlier reason.
    public string? StatusReason { get; set; }

    public Guid? EscalatedToId { get; set; }
    public DeliveryUnit? EscalatedTo { get; set; }
    public bool EscalatedByHand { get; set; }
    public string? EscalationReason { get; set; }
}

using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What every RAID register entry shares: a number people quote, and the unit whose log it is in.
public interface IRaidItem : IRegisterEntry, INumberedRecord
{
    // The unit the item has been escalated to (an ancestor of its own), or null while its unit holds it.
    Guid? EscalatedToId { get; set; }

    // Escalated or handed back by a person, with a reason; tolerances no longer move it.
    bool EscalatedByHand { get; set; }

    string? EscalationReason { get; set; }
}

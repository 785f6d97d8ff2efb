using Steward.Features.Units;

namespace Steward.Infrastructure.Registers;

// An entry in one of a unit's registers that people quote by number (R-0042, DEC-0007). What each
// register adds is its own fields; the identity, the unit and the version are the same for all.
public abstract class NumberedEntry : IRegisterEntry, INumberedRecord
{
    public Guid Id { get; set; }

    // Unique within its kind across Steward, never reused.
    public int Number { get; set; }

    public string Reference => EntryReference.Format(ReferencePrefixOfKind, Number);

    // The unit whose register holds it.
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // "R-", "DEC-": each kind's own constant, named once in its class.
    protected abstract string ReferencePrefixOfKind { get; }
}

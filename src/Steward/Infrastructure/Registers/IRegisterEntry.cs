namespace Steward.Infrastructure.Registers;

// An entry in one of a unit's registers: a risk, an issue, a decision, an action.
public interface IRegisterEntry : IVersionedRecord
{
    Guid Id { get; }

    // The unit whose register holds it.
    Guid UnitId { get; }

    // What people call it in meetings and refusals: R-0042, DEC-0007, a board's name.
    string Reference { get; }
}

using Steward.Features.Units;

namespace Steward.Infrastructure.Registers;

// The kinds of change a register makes to a unit's records, as the unit's status sees them.
public enum RecordChange
{
    // A new entry in a register: a risk raised, a board set up, an action recorded.
    Add,

    // An entry already there updated, closed, escalated or handed back.
    Amend,

    // What the unit committed to and is measured against: its plan, baselines and tolerances.
    Commitment,
}

// The one rule every register follows for what may change in a unit, by the unit's status.
//  - Active or paused: anything.
//  - Closed: delivery is over. Nothing new is added, and the plan and tolerances stay as the record of
//    what was delivered against what was allowed. Entries already in the registers may still be
//    updated and closed: a closing project hands its open risks, issues and actions over or closes them.
//  - Archived: kept for the record; nothing changes.
public static class UnitChangeRule
{
    public static bool Allows(UnitStatus status, RecordChange change) => status switch
    {
        UnitStatus.Active or UnitStatus.Paused => true,
        UnitStatus.Closed => change == RecordChange.Amend,
        _ => false,
    };

    // register: what the refusal names, in words ("RAID log", "plan", "governance records").
    public static void Demand(string unitCode, UnitStatus status, RecordChange change, string register)
    {
        if (!Allows(status, change))
        {
            throw new RecordStateConflictException(Refusal(unitCode, status, change, register));
        }
    }

    public static string Refusal(string unitCode, UnitStatus status, RecordChange change, string register) =>
        status == UnitStatus.Closed && change == RecordChange.Add
            ? $"{unitCode} is closed: nothing new can be added to its {register}. What is already there can still be updated and closed."
            : $"{unitCode} is {status.ToString().ToLowerInvariant()}: its {register} can no longer be changed.";
}

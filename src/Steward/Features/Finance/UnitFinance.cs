using Steward.Infrastructure;

namespace Steward.Features.Finance;

// A unit's finance as one versioned record: every change to its lines moves this version, so the
// unit's money has one ETag, and two people changing it at once cannot both win (one is told to reload).
public sealed class UnitFinance : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }

    // The budget baseline in force (0 until the first is approved).
    public int Baseline { get; set; }

    // The department's choice that people who only hold the Viewer role here see this unit's money, and
    // that of every unit below it, as totals: no lines, months, categories or downloads.
    public bool TotalsOnlyForViewers { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// An approved budget baseline: who approved it, when, why, and the decision in the governance log that
// did. The lines it set stay, marked not current, when a later baseline replaces it.
public sealed class FinanceBaseline : IVersionedRecord
{
    public const int ReasonMaxLength = 1000;
    public const int DecisionMaxLength = 20;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public int Number { get; set; }
    public required string Reason { get; set; }

    // The decision's reference as the log quotes it (DEC-0007).
    public required string Decision { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public string? ApprovedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// One change to a unit's money, with why: the lines' own history says which months moved and by whom;
// this says why, every time, even when two changes give the same reason.
public sealed class FinanceChange : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public FinanceLayer Layer { get; set; }

    // The budget baseline a re-baseline made; 0 for forecasts and actuals.
    public int Baseline { get; set; }
    public required string Reason { get; set; }

    // How many lines it set, and what they came to before and after, in pence.
    public int Lines { get; set; }
    public long Before { get; set; }
    public long After { get; set; }

    // Who made it, as the history names them.
    public string? By { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

using Steward.Infrastructure;

namespace Steward.Features.Finance;

// One row of a unit's money: a layer, a spending category (and cost type) and a financial year, with
// the twelve months P1 (April) to P12 (March) in pence. Twelve columns rather than twelve rows keep the
// synthetic department's fourteen million values at about a million rows, and a change to a month shows
// in the history as that month's old and new amount.
public sealed class FinanceLine : MonthlyAmounts, IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public FinanceLayer Layer { get; set; }

    // The budget baseline the line belongs to (1, 2, ...); 0 for forecasts and actuals.
    public int Baseline { get; set; }

    // A budget line of an earlier baseline is kept but no longer current; forecasts and actuals always are.
    public bool Current { get; set; } = true;

    public SpendingCategory Category { get; set; }
    public CostType CostType { get; set; }

    // The calendar year the financial year starts in (2026 for 2026-27).
    public int Year { get; set; }

    // Why the line last changed (a re-phasing, a correction, a ledger import), so its history says why.
    public string? Reason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int ReasonMaxLength = 1000;

    public FinancialYear FinancialYear => new(Year);

    public FinanceLineKey Key => new(Layer, Category, CostType, Year);
}

// Twelve months of money, P1 (April) to P12 (March), in pence: a line, or a roll-up of lines.
public abstract class MonthlyAmounts
{
    public long P1 { get; set; }
    public long P2 { get; set; }
    public long P3 { get; set; }
    public long P4 { get; set; }
    public long P5 { get; set; }
    public long P6 { get; set; }
    public long P7 { get; set; }
    public long P8 { get; set; }
    public long P9 { get; set; }
    public long P10 { get; set; }
    public long P11 { get; set; }
    public long P12 { get; set; }

    public long this[int period]
    {
        get => period switch
        {
            1 => P1, 2 => P2, 3 => P3, 4 => P4, 5 => P5, 6 => P6, 7 => P7, 8 => P8, 9 => P9, 10 => P10, 11 => P11, 12 => P12,
            _ => throw new ArgumentOutOfRangeException(nameof(period)),
        };
        set
        {
            switch (period)
            {
                case 1: P1 = value; break;
                case 2: P2 = value; break;
                case 3: P3 = value; break;
                case 4: P4 = value; break;
                case 5: P5 = value; break;
                case 6: P6 = value; break;
                case 7: P7 = value; break;
                case 8: P8 = value; break;
                case 9: P9 = value; break;
                case 10: P10 = value; break;
                case 11: P11 = value; break;
                case 12: P12 = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(period));
            }
        }
    }

    public long Total => P1 + P2 + P3 + P4 + P5 + P6 + P7 + P8 + P9 + P10 + P11 + P12;

}

// What names a line within a unit's current money.
public readonly record struct FinanceLineKey(FinanceLayer Layer, SpendingCategory Category, CostType CostType, int Year);

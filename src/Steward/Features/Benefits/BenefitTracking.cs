namespace Steward.Features.Benefits;

// Where a benefit stands, kept by every write to it or its measurements so that registers and roll-ups of
// a whole portfolio read one row per benefit rather than its profile and every measurement. Not a record
// of its own (no version, no history): the benefit and its measurements are, and this is worked out from them.
public sealed class BenefitTracking
{
    public Guid BenefitId { get; set; }
    public DateOnly? LastMeasuredOn { get; set; }
    public decimal? LastValue { get; set; }
    public decimal? PlannedThen { get; set; }

    // The latest measurement against the plan, in % of the planned progress (RealisationValue.Latest).
    public decimal? DeviationPercent { get; set; }
}

// A benefit's worth in one financial year (Year: 2026 for 2026-27), planned and realised, in pence a year
// reached by the year's end; kept with BenefitTracking.
public sealed class BenefitYear
{
    public Guid BenefitId { get; set; }
    public int Year { get; set; }
    public long Planned { get; set; }
    public long? Realised { get; set; }
}

using Steward.Infrastructure;

namespace Steward.Features.Benefits;

// One point of a benefit's realisation profile: the value the measure should have reached by a date (the
// end of a month or quarter), and the money it should be worth a year by then where monetised. Measurements
// are compared with it.
public sealed class BenefitProfilePoint
{
    public Guid Id { get; set; }
    public Guid BenefitId { get; set; }
    public DateOnly On { get; set; }
    public decimal Value { get; set; }
    public long? Money { get; set; }
}

// A value of the benefit's measure as its owner recorded it, with the date it was measured and the
// evidence. Recorded after the enabling project has closed too: tracking does not stop at close.
public sealed class BenefitMeasurement : IVersionedRecord
{
    public const int EvidenceMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid BenefitId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public decimal Value { get; set; }
    public string? Evidence { get; set; }

    // Who recorded it, as the history names them.
    public string? RecordedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

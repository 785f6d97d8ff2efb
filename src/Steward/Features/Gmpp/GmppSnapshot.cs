using Steward.Features.Reporting;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Gmpp;

// One unit's GMPP data as at one snapshot date (30 September until 2019, 31 March from 2021): a row of a
// published file imported, so that a project's trend starts years before Steward. Money is in £ millions
// as published (non-government costs included). A value the department withheld or did not give, or text
// where a figure was expected, is not a number here: it is a note on its field (FieldNotes), kept in the
// department's own words.
public sealed class GmppSnapshot : IVersionedRecord
{
    public const int NameMaxLength = 300;
    // Excel's limit for one cell: HS2's schedule narrative of 2013 runs past 8,000 characters.
    public const int TextMaxLength = 32_767;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public DateOnly AsAt { get; set; }
    public GmppSource Source { get; set; }

    // As the file gave them: the name and department as written, the financial year its columns name ("2013/14").
    public required string PublishedName { get; set; }
    public string? PublishedDepartment { get; set; }
    public string? PublishedCategory { get; set; }
    public string? FinancialYear { get; set; }
    public string? Description { get; set; }

    public DcaScale DcaScale { get; set; }
    public DcaRating? IpaDca { get; set; }
    public DcaRating? SroDca { get; set; }
    public string? DcaCommentary { get; set; }

    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public string? ScheduleNarrative { get; set; }

    public decimal? YearBaseline { get; set; }
    public decimal? YearForecast { get; set; }
    public decimal? YearVariancePercent { get; set; }
    public string? VarianceNarrative { get; set; }

    // A whole-life cost published as a range (Low, Mid, High) keeps its ends; the baseline is its middle.
    public decimal? WholeLifeCost { get; set; }
    public decimal? WholeLifeCostLow { get; set; }
    public decimal? WholeLifeCostHigh { get; set; }
    public string? WholeLifeCostNarrative { get; set; }

    public decimal? Benefits { get; set; }
    public string? BenefitsNarrative { get; set; }

    // JSON: the fields given as words, not values (GmppFieldNotes).
    public string? FieldNotes { get; set; }

    // The SHA-256 of the file it came from, so the same file imported again is known.
    public string? FileDigest { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum GmppSource
{
    // From a department's published GMPP file.
    Published,

    // Worked out from Steward's own records as at the date (shown on the trend, never stored).
    Steward,
}

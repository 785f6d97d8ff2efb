using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// A benefit in a unit's benefits register (B-0007): the unit that enables it holds it, but it is owned in
// the business, often by someone outside the project, and measured against a baseline and a target. A
// dis-benefit is an outcome someone sees as negative, tracked the same way.
public sealed class Benefit : NumberedEntry
{
    public const string ReferencePrefix = "B-";
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 8000;
    public const int KpiMaxLength = 200;
    public const int UnitOfMeasureMaxLength = 50;
    public const int MeasuredByMaxLength = 1000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Description { get; set; }

    // The business unit that will own the benefit once delivered (a programme, a portfolio); often not the enabler.
    public Guid? OwningUnitId { get; set; }
    public DeliveryUnit? OwningUnit { get; set; }

    // The benefit owner: a person, often in the business rather than the project.
    public Guid? OwnerId { get; set; }
    public Person? Owner { get; set; }

    public BenefitCategory Category { get; set; }
    public BenefitNature Nature { get; set; }
    public BenefitClass Class { get; set; }
    public bool IsDisbenefit { get; set; }

    // The measure: a KPI, its unit, which way is better, how and by whom it is measured, how often.
    public string? Kpi { get; set; }
    public string? UnitOfMeasure { get; set; }
    public MeasureDirection Direction { get; set; }
    public string? MeasuredBy { get; set; }
    public MeasurementFrequency? Frequency { get; set; }

    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }

    // A full year's value in pence, where the benefit is monetised.
    public long? MonetisedValue { get; set; }

    public BenefitConfidence? Confidence { get; set; }
    public BenefitStatus Status { get; set; }

    // When ownership passed to the business (a business-as-usual owner, OwnerId) as the enabling unit
    // closed: tracking goes on after close, so someone must own it from then on.
    public DateOnly? HandedOverOn { get; set; }

    // The planned realisation, by date; measurements are kept apart (BenefitMeasurement), as they are many.
    public List<BenefitProfilePoint> Profile { get; set; } = [];

    // The RAID items and plan milestones it is linked to (BenefitRelatedItem).
    public List<BenefitRelatedItem> Related { get; set; } = [];
}

// The Green Book's kinds of benefit: cash-releasing (money that can be taken out of budgets),
// non-cash-releasing (time or resource freed and used for something else) and wider societal.
public enum BenefitCategory
{
    CashReleasing,
    NonCashReleasing,
    WiderSocietal,
}

public enum BenefitNature
{
    Quantitative,
    Qualitative,
}

// Who gains: the public sector directly or indirectly, or society more widely.
public enum BenefitClass
{
    DirectPublicSector,
    IndirectPublicSector,
    WiderSocial,
}

public enum MeasureDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum MeasurementFrequency
{
    Monthly,
    Quarterly,
    SixMonthly,
    Annually,
}

public enum BenefitConfidence
{
    Low,
    Medium,
    High,
}

public enum BenefitStatus
{
    Identified,
    Validated,
    InRealisation,
    Realised,
    NotRealised,
    Withdrawn,
}

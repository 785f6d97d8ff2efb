using System.ComponentModel;
using Steward.Features.Finance;

namespace Steward.Features.Benefits;

// A benefit as the API and the forms write it: every field, so a change replaces the entry's fields.
public sealed record BenefitInput(
    [property: Description("A short name for the benefit. Required.")] string? Title,
    string? Description,
    [property: Description("The unit (code or id) that will own the benefit in the business; default none named.")] string? OwningUnit,
    [property: Description("The benefit owner: a person in Steward (their id).")] Guid? OwnerId,
    [property: Description("cash-releasing, non-cash-releasing or wider-societal. Required.")] string? Category,
    [property: Description("quantitative or qualitative; default quantitative.")] string? Nature,
    [property: Description("direct-public-sector, indirect-public-sector or wider-social. Required.")] string? Class,
    [property: Description("An outcome seen as negative by someone, tracked like a benefit.")] bool IsDisbenefit,
    [property: Description("The measure's name (KPI).")] string? Kpi,
    [property: Description("Its unit of measure: days, £, %, cases a week.")] string? UnitOfMeasure,
    [property: Description("higher-is-better or lower-is-better; default higher-is-better.")] string? Direction,
    [property: Description("How, and by whom, it is measured.")] string? MeasuredBy,
    [property: Description("monthly, quarterly, six-monthly or annually.")] string? Frequency,
    decimal? BaselineValue,
    [property: Description("The date of the baseline value, yyyy-mm-dd.")] DateOnly? BaselineDate,
    decimal? TargetValue,
    [property: Description("When the target should be reached: not before the baseline date.")] DateOnly? TargetDate,
    [property: Description("A full year's value in pounds where monetised: a number or text such as \"£1.2m\".")] AmountText? MonetisedValue,
    [property: Description("low, medium or high.")] string? Confidence,
    [property: Description("identified, validated, in-realisation, realised, not-realised or withdrawn; default identified.")] string? Status,
    [property: Description("The realisation profile: the value the measure should reach by each date (and a year's £ where monetised), between the baseline and target dates. Left out: the profile is kept as it is; empty: removed.")] List<ProfilePointInput>? Profile = null,
    [property: Description("The RAID items (R-0042, I-0007, A-0003, D-0011) and plan milestones (DPP-PRJ-001#12) it is linked to. Left out: kept as they are; empty: none.")] List<string?>? Related = null);

public sealed record ProfilePointInput(
    [property: Description("The date the value should be reached by (the end of a month or quarter), yyyy-mm-dd.")] DateOnly? On,
    [property: Description("The planned value of the measure by then.")] decimal? Value,
    [property: Description("What the benefit should be worth a year by then, in pounds, where monetised.")] AmountText? Money);

// A value of the measure, as measured on a day.
public sealed record MeasurementInput(
    [property: Description("When it was measured, yyyy-mm-dd: not in the future.")] DateOnly? MeasuredOn,
    [property: Description("The value of the measure. Required.")] decimal? Value,
    [property: Description("Where the figure comes from: a report, a dashboard, a survey.")] string? Evidence);

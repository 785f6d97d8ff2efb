namespace Steward.Features.Benefits;

// The words the pages use for the benefits register's choices.
public static class BenefitLabels
{
    // A status as the API writes it (in-realisation), in words.
    public static string OfStatus(string status) => Of(Enum.GetValues<BenefitStatus>().First(s => Infrastructure.EnumText.Of(s) == status));

    public static string Of(BenefitCategory category) => category switch
    {
        BenefitCategory.CashReleasing => "Cash-releasing",
        BenefitCategory.NonCashReleasing => "Non-cash-releasing",
        _ => "Wider societal",
    };

    public static string Of(BenefitNature nature) => nature == BenefitNature.Quantitative ? "Quantitative" : "Qualitative";

    public static string Of(BenefitClass kind) => kind switch
    {
        BenefitClass.DirectPublicSector => "Direct public sector",
        BenefitClass.IndirectPublicSector => "Indirect public sector",
        _ => "Wider social",
    };

    public static string Of(MeasureDirection direction) => direction == MeasureDirection.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string Of(MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.Monthly => "Monthly",
        MeasurementFrequency.Quarterly => "Quarterly",
        MeasurementFrequency.SixMonthly => "Every six months",
        _ => "Annually",
    };

    public static string Of(BenefitConfidence confidence) => confidence.ToString();

    public static string Of(BenefitStatus status) => status switch
    {
        BenefitStatus.InRealisation => "In realisation",
        BenefitStatus.NotRealised => "Not realised",
        _ => status.ToString(),
    };
}

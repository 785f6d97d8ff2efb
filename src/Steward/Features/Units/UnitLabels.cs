namespace Steward.Features.Units;

// How units' classifications read to a person, and the GOV.UK tag colour for each status.
public static class UnitLabels
{
    public static string Of(UnitKind kind) => kind.ToString();

    public static string Of(UnitCategory category) => category switch
    {
        UnitCategory.InfrastructureAndConstruction => "Infrastructure and Construction",
        UnitCategory.GovernmentTransformationAndServiceDelivery => "Government Transformation and Service Delivery",
        UnitCategory.Ict => "ICT",
        UnitCategory.MilitaryCapability => "Military Capability",
        _ => "Other",
    };

    public static string Of(LifecycleStage stage) => stage.ToString();

    public static string Of(UnitStatus status) => status.ToString();

    public static string TagClass(UnitStatus status) => status switch
    {
        UnitStatus.Active => "govuk-tag--green",
        UnitStatus.Paused => "govuk-tag--yellow",
        UnitStatus.Closed => "govuk-tag--grey",
        _ => "govuk-tag--grey",
    };

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";
}

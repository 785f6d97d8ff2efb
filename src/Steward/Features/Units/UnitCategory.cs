namespace Steward.Features.Units;

// The categories of the GMPP annual report.
public enum UnitCategory
{
    InfrastructureAndConstruction,
    GovernmentTransformationAndServiceDelivery,
    Ict,
    MilitaryCapability,
    Other,
}

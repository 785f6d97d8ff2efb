namespace Steward.Features.Finance.Appraisal;

// The kinds of project the Green Book's supplementary guidance gives optimism bias figures for.
public enum ProjectType
{
    NonStandardBuildings,
    StandardBuildings,
    NonStandardCivilEngineering,
    StandardCivilEngineering,
    EquipmentAndDevelopment,
    Outsourcing,
}

// Upper and lower bounds (% uplift) on cost, and on duration where the guidance gives one: capital
// costs for works and equipment, operating costs for outsourcing. Appraisal starts at the upper bound
// and comes down, with a recorded reason, as the risks behind it are managed.
public sealed record OptimismBiasBounds(ProjectType Type, string Label, string CostMeasure, decimal CostUpper, decimal CostLower, decimal? DurationUpper, decimal? DurationLower)
{
    public static readonly IReadOnlyList<OptimismBiasBounds> All =
    [
        new(ProjectType.NonStandardBuildings, "Non-standard buildings", "capital cost", 51, 4, 39, 2),
        new(ProjectType.StandardBuildings, "Standard buildings", "capital cost", 24, 2, 4, 1),
        new(ProjectType.NonStandardCivilEngineering, "Non-standard civil engineering", "capital cost", 66, 6, 25, 3),
        new(ProjectType.StandardCivilEngineering, "Standard civil engineering", "capital cost", 44, 3, 20, 1),
        new(ProjectType.EquipmentAndDevelopment, "Equipment and development", "capital cost", 200, 10, 54, 10),
        new(ProjectType.Outsourcing, "Outsourcing", "operating cost", 41, 0, null, null),
    ];

    public static OptimismBiasBounds For(ProjectType type) => All[(int)type];
}

using Steward.Infrastructure;

namespace Steward.Features.Tolerances;

// A unit's own tolerances, one record per unit so that a form setting several dimensions saves them
// together under one version. A limit left empty is inherited from the nearest unit above that sets it.
public sealed class UnitTolerances : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }

    public decimal? TimeOver { get; set; }
    public decimal? TimeUnder { get; set; }
    public decimal? CostOver { get; set; }
    public decimal? CostUnder { get; set; }
    public decimal? ScopeOver { get; set; }
    public decimal? ScopeUnder { get; set; }
    public decimal? QualityOver { get; set; }
    public decimal? BenefitsOver { get; set; }
    public decimal? BenefitsUnder { get; set; }
    public decimal? RiskOver { get; set; }
    public decimal? IssuesOver { get; set; }
    public decimal? DependenciesOver { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public (decimal? Over, decimal? Under) Of(ToleranceDimension dimension) => dimension switch
    {
        ToleranceDimension.Time => (TimeOver, TimeUnder),
        ToleranceDimension.Cost => (CostOver, CostUnder),
        ToleranceDimension.Scope => (ScopeOver, ScopeUnder),
        ToleranceDimension.Quality => (QualityOver, null),
        ToleranceDimension.Benefits => (BenefitsOver, BenefitsUnder),
        ToleranceDimension.Risk => (RiskOver, null),
        ToleranceDimension.Issues => (IssuesOver, null),
        ToleranceDimension.Dependencies => (DependenciesOver, null),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public void Set(ToleranceDimension dimension, decimal? over, decimal? under)
    {
        switch (dimension)
        {
            case ToleranceDimension.Time: (TimeOver, TimeUnder) = (over, under); break;
            case ToleranceDimension.Cost: (CostOver, CostUnder) = (over, under); break;
            case ToleranceDimension.Scope: (ScopeOver, ScopeUnder) = (over, under); break;
            case ToleranceDimension.Quality: QualityOver = over; break;
            case ToleranceDimension.Benefits: (BenefitsOver, BenefitsUnder) = (over, under); break;
            case ToleranceDimension.Risk: RiskOver = over; break;
            case ToleranceDimension.Issues: IssuesOver = over; break;
            case ToleranceDimension.Dependencies: DependenciesOver = over; break;
            default: throw new ArgumentOutOfRangeException(nameof(dimension));
        }
    }
}

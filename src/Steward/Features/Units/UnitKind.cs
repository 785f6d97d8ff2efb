namespace Steward.Features.Units;

// The three levels of the P3O model; a portfolio may also hold sub-portfolios.
public enum UnitKind
{
    Portfolio,
    Programme,
    Project,
}

using Steward.Features.Units;

namespace Steward.Tests.Units;

public sealed class UnitHierarchyRulesTests
{
    [Theory]
    [InlineData(UnitKind.Portfolio, null, true)]
    [InlineData(UnitKind.Programme, null, false)]
    [InlineData(UnitKind.Project, null, false)]
    [InlineData(UnitKind.Portfolio, UnitKind.Portfolio, true)]
    [InlineData(UnitKind.Programme, UnitKind.Portfolio, true)]
    [InlineData(UnitKind.Project, UnitKind.Portfolio, true)]
    [InlineData(UnitKind.Programme, UnitKind.Programme, true)]
    [InlineData(UnitKind.Project, UnitKind.Programme, true)]
    [InlineData(UnitKind.Portfolio, UnitKind.Programme, false)]
    [InlineData(UnitKind.Portfolio, UnitKind.Project, false)]
    [InlineData(UnitKind.Programme, UnitKind.Project, false)]
    [InlineData(UnitKind.Project, UnitKind.Project, false)]
    public void TheTreeHasThePmoShape(UnitKind child, UnitKind? parent, bool allowed) =>
        Assert.Equal(allowed, UnitHierarchyRules.WhyNotUnder(child, parent) is null);
}

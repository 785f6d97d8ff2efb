using Steward.Features.Tolerances;

namespace Steward.Tests.Tolerances;

// The evaluator on its own: inheritance side by side, the level that owns a limit, and the climb.
public sealed class ToleranceLadderTests
{
    private static readonly Guid Portfolio = Guid.NewGuid(), Programme = Guid.NewGuid(), Project = Guid.NewGuid();

    private static ToleranceLadder Ladder(params UnitTolerances[] own) =>
        new([Portfolio, Programme, Project], own.ToDictionary(t => t.UnitId));

    [Fact]
    public void EachSide_IsInheritedFromTheNearestUnitThatSetsIt()
    {
        var time = Ladder(
            new UnitTolerances { UnitId = Portfolio, TimeOver = 60, TimeUnder = 30 },
            new UnitTolerances { UnitId = Programme, TimeUnder = 10 },
            new UnitTolerances { UnitId = Project, TimeOver = 5 }).For(ToleranceDimension.Time);

        var atProject = time.Levels[0];
        Assert.Equal(new ToleranceLimit(5, Project), atProject.Over);
        Assert.Equal(new ToleranceLimit(10, Programme), atProject.Under);
        Assert.Equal(new ToleranceLimit(60, Portfolio), time.Levels[1].Over);
    }

    [Fact]
    public void AVerdict_SaysWhichSide_TheLimit_AndByHowMuch()
    {
        var cost = Ladder(new UnitTolerances { UnitId = Programme, CostOver = 5, CostUnder = 2.5m }).For(ToleranceDimension.Cost);

        var over = cost.Judge(7.25m);
        Assert.Equal((ToleranceSide.Over, 2.25m, Programme), (over.Side, over.By!.Value, over.Limit!.SetAt));
        var under = cost.Judge(-3);
        Assert.Equal((ToleranceSide.Under, 0.5m), (under.Side, under.By!.Value));
        Assert.False(cost.Judge(5).Breached);
        Assert.False(cost.Judge(-2.5m).Breached);
        Assert.False(Ladder().For(ToleranceDimension.Cost).Judge(1000).Breached);
    }

    [Fact]
    public void TheClimb_ListsEveryLevelPassed_AndTheOneThatHoldsIt()
    {
        var risk = Ladder(
            new UnitTolerances { UnitId = Project, RiskOver = 11 },
            new UnitTolerances { UnitId = Programme, RiskOver = 19 }).For(ToleranceDimension.Risk);

        var steps = risk.Climb(16);
        Assert.Equal([Project, Programme], steps.Select(s => s.UnitId));
        Assert.Equal([true, false], steps.Select(s => s.Breached));
        Assert.Equal(5, steps[0].By);
        Assert.Equal(Programme, risk.EscalatesTo(16));

        // Beyond every level: the top of the tree holds it, breached or not.
        var all = risk.Climb(25);
        Assert.Equal([Project, Programme, Portfolio], all.Select(s => s.UnitId));
        Assert.Equal(Portfolio, risk.EscalatesTo(25));
        Assert.Null(risk.EscalatesTo(11));
    }
}

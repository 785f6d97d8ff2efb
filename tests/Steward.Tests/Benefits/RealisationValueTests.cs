using Steward.Features.Benefits;

namespace Steward.Tests.Benefits;

// The arithmetic of progress and worth, worked by hand.
public sealed class RealisationValueTests
{
    private static RealisationValue.Facts Facts(decimal from, decimal to, long? worth = 1_000_000_00, bool dis = false, params BenefitProfilePoint[] profile) =>
        new(from, new DateOnly(2026, 4, 1), to, new DateOnly(2028, 3, 31), worth, dis, profile);

    [Fact]
    public void ProgressIsAShareOfTheWayFromBaselineToTarget_WhicheverWayIsBetter()
    {
        Assert.Equal(0.25m, RealisationValue.Share(21, Facts(24, 12)));
        Assert.Equal(0.25m, RealisationValue.Share(30, Facts(20, 60)));
        Assert.Null(RealisationValue.Share(30, Facts(20, 20)));
    }

    [Fact]
    public void TheLatestMeasurement_IsJudgedAgainstThePlanOnItsDate()
    {
        // No profile: a straight line from 24 on 1 April 2026 holds 24 (nothing planned yet) until the target... with the target as the only point.
        var facts = Facts(100, 200, profile: new BenefitProfilePoint { On = new DateOnly(2027, 4, 1), Value = 150 });
        var latest = RealisationValue.LatestOf(facts, [new(new DateOnly(2026, 10, 1), 110), new(new DateOnly(2027, 4, 1), 135)])!;
        // On 1 April 2027 150 was planned (half-way); 135 is 35% of the way: 30% behind.
        Assert.Equal((new DateOnly(2027, 4, 1), 150m, -30m), (latest.On, latest.Planned!.Value, latest.DeviationPercent!.Value));

        // A dis-benefit further along than expected is behind: more of it than planned.
        var dis = RealisationValue.LatestOf(Facts(0, 10, dis: true, profile: new BenefitProfilePoint { On = new DateOnly(2027, 4, 1), Value = 5 }), [new(new DateOnly(2027, 4, 1), 6)])!;
        Assert.Equal(-20m, dis.DeviationPercent);
        Assert.Null(RealisationValue.LatestOf(facts, []));
    }

    [Fact]
    public void WorthByYear_IsPlannedByTheProfileAndRealisedByTheLastMeasurement()
    {
        var facts = Facts(24, 12, 1_200_000_00, false,
            new BenefitProfilePoint { On = new DateOnly(2027, 3, 31), Value = 18, Money = 600_000_00 },
            new BenefitProfilePoint { On = new DateOnly(2028, 3, 31), Value = 12, Money = 1_200_000_00 });
        var years = RealisationValue.ByYear(facts, [new(new DateOnly(2026, 9, 30), 23), new(new DateOnly(2027, 6, 30), 6)]);
        // 23 is a twelfth of the way (£100,000 a year); 6 is beyond the target, worth no more than the target.
        Assert.Equal([new(2026, 600_000_00, 100_000_00), new(2027, 1_200_000_00, 1_200_000_00)], years);

        // Without profile money: the full year's worth times the planned share; a dis-benefit counts against; nothing measured is unknown.
        var plain = RealisationValue.ByYear(Facts(0, 100, 1_000_00, dis: true, new BenefitProfilePoint { On = new DateOnly(2027, 3, 31), Value = 50 }), []);
        Assert.Equal([new(2026, -500_00, null), new(2027, -500_00, null)], plain); // the plan holds its last point
        Assert.Empty(RealisationValue.ByYear(Facts(0, 100, null), []));
    }
}

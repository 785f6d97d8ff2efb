using Steward.Features.Plans;
using Steward.Scheduling;

namespace Steward.Tests.Plans;

// Durations, lags and predecessors as planners type them in Microsoft Project.
public sealed class PlanTextTests
{
    [Theory]
    [InlineData("5d", 2400, false)]
    [InlineData("5", 2400, false)]
    [InlineData("3.5h", 210, false)]
    [InlineData("2w", 4800, false)]
    [InlineData("1mo", 9600, false)]
    [InlineData("30m", 30, false)]
    [InlineData("2ed", 2880, true)]
    [InlineData("1ew", 10080, true)]
    [InlineData("-2d", -960, false)]
    [InlineData("0", 0, false)]
    public void AmountsOfTime_AreReadAsMicrosoftProjectReadsThem(string text, long minutes, bool elapsed)
    {
        Assert.True(WorkAmount.TryParse(text, 480, out var span));
        Assert.Equal(new Span(minutes, elapsed), span);
    }

    [Theory]
    [InlineData("")]
    [InlineData("five days")]
    [InlineData("5x")]
    [InlineData("5d 3h")]
    public void WhatIsNotAnAmountOfTime_IsRefused(string text) => Assert.False(WorkAmount.TryParse(text, 480, out _));

    [Fact]
    public void Predecessors_AreReadWithTheirTypesAndLags_AndWrittenBackTheSameWay()
    {
        var read = PredecessorText.Parse("3, 5SS+2d; 7ff-1d, 9SF+4ed", 480, out var error);
        Assert.Null(error);
        Assert.Equal(
            [new Predecessor(3, LinkType.FinishToStart, default), new Predecessor(5, LinkType.StartToStart, new Span(960)),
             new Predecessor(7, LinkType.FinishToFinish, new Span(-480)), new Predecessor(9, LinkType.StartToFinish, new Span(5760, true))],
            read);
        var links = read.Select(p => new TaskLink { PredecessorUid = p.Uid, SuccessorUid = 10, Type = p.Type, LagMinutes = p.Lag.Minutes, LagElapsed = p.Lag.Elapsed });
        Assert.Equal("3, 5SS+2d, 7FF-1d, 9SF+4ed", PredecessorText.Format(links, 480));
    }

    [Theory]
    [InlineData("abc", "‘abc’ is not a predecessor")]
    [InlineData("3XX", "‘3XX’ is not a predecessor")]
    [InlineData("3FS+2zz", "The lag in ‘3FS+2zz’ is not an amount of time")]
    public void APredecessorThatCannotBeRead_IsNamed(string text, string message)
    {
        Assert.Empty(PredecessorText.Parse(text, 480, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}

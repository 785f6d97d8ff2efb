using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Tests.Registers;

public sealed class UnitChangeRuleTests
{
    [Theory]
    [InlineData(UnitStatus.Active, RecordChange.Add, true)]
    [InlineData(UnitStatus.Active, RecordChange.Amend, true)]
    [InlineData(UnitStatus.Active, RecordChange.Commitment, true)]
    [InlineData(UnitStatus.Paused, RecordChange.Add, true)]
    [InlineData(UnitStatus.Paused, RecordChange.Commitment, true)]
    [InlineData(UnitStatus.Closed, RecordChange.Add, false)]
    [InlineData(UnitStatus.Closed, RecordChange.Amend, true)]
    [InlineData(UnitStatus.Closed, RecordChange.Commitment, false)]
    [InlineData(UnitStatus.Archived, RecordChange.Add, false)]
    [InlineData(UnitStatus.Archived, RecordChange.Amend, false)]
    [InlineData(UnitStatus.Archived, RecordChange.Commitment, false)]
    public void WhatMayChange_FollowsTheUnitsStatus(UnitStatus status, RecordChange change, bool allowed) =>
        Assert.Equal(allowed, UnitChangeRule.Allows(status, change));

    [Fact]
    public void ARefusal_NamesTheUnitItsStatusAndTheRegister()
    {
        Assert.Equal("PRJ-1 is closed: nothing new can be added to its RAID log. What is already there can still be updated and closed.",
            UnitChangeRule.Refusal("PRJ-1", UnitStatus.Closed, RecordChange.Add, "RAID log"));
        Assert.Equal("PRJ-1 is archived: its plan can no longer be changed.", UnitChangeRule.Refusal("PRJ-1", UnitStatus.Archived, RecordChange.Commitment, "plan"));
    }
}

using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

public enum DependencyStatus
{
    Proposed,
    Agreed,
    AtRisk,
    Delivered,
    Broken,
}

// Something a unit needs from another unit in the tree, or from a party outside it (another department,
// a supplier), by a date. It sits in the needing unit's log and is shown in the providing unit's too.
public sealed class Dependency : RaidEntry
{
    public const string ReferencePrefix = "D-";
    public const int PartyMaxLength = 200;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Description { get; set; }

    // Exactly one of these: a unit in the tree, or a party outside it.
    public Guid? ProviderUnitId { get; set; }
    public DeliveryUnit? ProviderUnit { get; set; }
    public string? ExternalParty { get; set; }

    public DateOnly NeededBy { get; set; }
    public DateOnly? CommittedDate { get; set; }
    public Guid? ProviderOwnerId { get; set; }
    public Person? ProviderOwner { get; set; }
    public DependencyStatus Status { get; set; }

    public bool IsOpen => Status is not (DependencyStatus.Delivered or DependencyStatus.Broken);

    // Committed later than needed: the provider has already said it will be late.
    public bool IsLate => CommittedDate is { } committed && committed > NeededBy;

    public int WorkingDaysLate => CommittedDate is { } committed && committed > NeededBy ? WorkingDays.Between(NeededBy, committed) : 0;
}

// Monday to Friday; bank holidays are not counted out yet (the plans issue brings calendars).
public static class WorkingDays
{
    public static int Between(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }
}

using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Something that has happened and must be dealt with, often a risk that was realised.
public sealed class Issue : RaidEntry
{
    public const string ReferencePrefix = "I-";

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Description { get; set; }
    public IssuePriority Priority { get; set; }
    public string? Impact { get; set; }

    public DateOnly RaisedOn { get; set; }
    public DateOnly? TargetResolutionDate { get; set; }
    public string? Resolution { get; set; }
    public IssueStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }

    // The risk this issue came from, when it was raised by realising one.
    public Guid? RiskId { get; set; }
    public Risk? Risk { get; set; }
}

using Steward.Features.People;
using Steward.Features.Raid;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// An entry in the actions log: something a named person must do by a date, and where it came from —
// a meeting, a decision, or a risk (a mitigation action) or issue. "Action" alone would clash with System.Action.
public sealed class ActionItem : NumberedEntry
{
    public const string ReferencePrefix = "ACT-";
    public const int DescriptionMaxLength = 2000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Description { get; set; }
    public Guid OwnerId { get; set; }
    public Person? Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Progress { get; set; }

    public Guid? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public Guid? DecisionId { get; set; }
    public Decision? Decision { get; set; }
    public Guid? RiskId { get; set; }
    public Risk? Risk { get; set; }
    public Guid? IssueId { get; set; }
    public Issue? Issue { get; set; }

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
}

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

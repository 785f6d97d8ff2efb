using Steward.Infrastructure.Spreadsheets;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Every field of a risk, flattened for a spreadsheet.
public sealed record RiskExportRow(
    Guid Id, int Number, string UnitCode, string UnitName, string Title, bool IsOpportunity, string? Category, string? Cause, string? Event, string? Effect,
    string OwnerName, string OwnerEmail, string? RaisedBy, DateOnly RaisedOn, DateOnly? ProximityDate,
    int? InherentLikelihood, int? InherentImpact, int Likelihood, int Impact, int Score, int? TargetLikelihood, int? TargetImpact,
    RiskResponse? Response, DateOnly? NextReviewDate, RiskStatus Status, string? EscalatedTo, string? EscalationReason, int? RealisedIssueNumber,
    int Version, DateTime UpdatedAt, string? MitigationActions = null);

public sealed record IssueExportRow(
    int Number, string UnitCode, string UnitName, string Title, string? Description, IssuePriority Priority, string? Impact,
    string OwnerName, string OwnerEmail, DateOnly RaisedOn, DateOnly? TargetResolutionDate, string? Resolution, IssueStatus Status,
    int? FromRiskNumber, string? EscalatedTo, string? EscalationReason, int Version, DateTime UpdatedAt);

// The columns of the RAID spreadsheets. Headings are the ones the importer recognises first.
public static class RaidSpreadsheets
{
    public static readonly IReadOnlyList<SpreadsheetColumn<RiskExportRow>> RiskColumns =
    [
        new("Reference", r => EntryReference.Format(Risk.ReferencePrefix, r.Number)),
        new("Unit", r => r.UnitCode),
        new("Unit name", r => r.UnitName),
        new("Title", r => r.Title),
        new("Type", r => r.IsOpportunity ? "Opportunity" : "Threat"),
        new("Category", r => r.Category),
        new("Cause", r => r.Cause),
        new("Event", r => r.Event),
        new("Effect", r => r.Effect),
        new("Owner", r => r.OwnerName),
        new("Owner email", r => r.OwnerEmail),
        new("Raised by", r => r.RaisedBy),
        new("Date raised", r => r.RaisedOn),
        new("Proximity", r => r.ProximityDate),
        new("Inherent likelihood", r => r.InherentLikelihood),
        new("Inherent impact", r => r.InherentImpact),
        new("Likelihood", r => r.Likelihood),
        new("Impact", r => r.Impact),
        new("Score", r => r.Score),
        new("Target likelihood", r => r.TargetLikelihood),
        new("Target impact", r => r.TargetImpact),
        new("Response", r => r.Response?.ToString()),
        new("Next review", r => r.NextReviewDate),
        new("Status", r => r.Status.ToString()),
        new("Escalated to", r => r.EscalatedTo),
        new("Escalation reason", r => r.EscalationReason),
        new("Realised as issue", r => r.RealisedIssueNumber is { } n ? EntryReference.Format(Issue.ReferencePrefix, n) : null),
        new("Mitigation actions", r => r.MitigationActions),
        new("Version", r => r.Version),
        new("Last updated (UTC)", r => r.UpdatedAt),
    ];

    public static readonly IReadOnlyList<SpreadsheetColumn<IssueExportRow>> IssueColumns =
    [
        new("Reference", i => EntryReference.Format(Issue.ReferencePrefix, i.Number)),
        new("Unit", i => i.UnitCode),
        new("Unit name", i => i.UnitName),
        new("Title", i => i.Title),
        new("Description", i => i.Description),
        new("Priority", i => i.Priority.ToString()),
        new("Impact", i => i.Impact),
        new("Owner", i => i.OwnerName),
        new("Owner email", i => i.OwnerEmail),
        new("Date raised", i => i.RaisedOn),
        new("Target resolution", i => i.TargetResolutionDate),
        new("Resolution", i => i.Resolution),
        new("Status", i => i.Status.ToString()),
        new("From risk", i => i.FromRiskNumber is { } n ? EntryReference.Format(Risk.ReferencePrefix, n) : null),
        new("Escalated to", i => i.EscalatedTo),
        new("Escalation reason", i => i.EscalationReason),
        new("Version", i => i.Version),
        new("Last updated (UTC)", i => i.UpdatedAt),
    ];

    public static readonly IReadOnlyList<SpreadsheetColumn<DependencyView>> DependencyColumns =
    [
        new("Reference", d => d.Reference),
        new("Unit", d => d.Unit.Code),
        new("Unit name", d => d.Unit.Name),
        new("What is needed", d => d.Title),
        new("Description", d => d.Description),
        new("From unit", d => d.ProviderUnit?.Code),
        new("From party outside Steward", d => d.ExternalParty),
        new("Needed by", d => d.NeededBy),
        new("Committed date", d => d.CommittedDate),
        new("Working days late", d => d.IsLate ? d.WorkingDaysLate : null),
        new("Owner", d => d.Owner.Name),
        new("Owner email", d => d.Owner.Email),
        new("Providing owner", d => d.ProviderOwner?.Name),
        new("Status", d => RaidLabels.Of(d.Status)),
        new("Escalated to", d => d.Escalation?.To.Code),
        new("Escalation reason", d => d.Escalation?.Reason),
        new("Version", d => d.Version),
        new("Last updated (UTC)", d => d.UpdatedAt),
    ];

    public static readonly IReadOnlyList<SpreadsheetColumn<AssumptionView>> AssumptionColumns =
    [
        new("Reference", a => a.Reference),
        new("Unit", a => a.Unit.Code),
        new("Unit name", a => a.Unit.Name),
        new("Assumption", a => a.Statement),
        new("Impact if wrong", a => a.ImpactIfWrong),
        new("Owner", a => a.Owner.Name),
        new("Owner email", a => a.Owner.Email),
        new("Validation due", a => a.ValidationDue),
        new("Validation overdue", a => a.ValidationOverdue ? "Yes" : "No"),
        new("Status", a => a.Status.ToString()),
        new("Raised as", a => a.FollowUp),
        new("Escalated to", a => a.Escalation?.To.Code),
        new("Escalation reason", a => a.Escalation?.Reason),
        new("Version", a => a.Version),
        new("Last updated (UTC)", a => a.UpdatedAt),
    ];
}

using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Governance;

// The actions and decisions logs as spreadsheets: every field, in the order the pages show them.
public static class GovernanceSpreadsheets
{
    public static readonly IReadOnlyList<SpreadsheetColumn<ActionView>> ActionColumns =
    [
        new("Reference", a => a.Reference),
        new("Unit", a => a.Unit.Code),
        new("Unit name", a => a.Unit.Name),
        new("Action", a => a.Description),
        new("Owner", a => a.Owner.Name),
        new("Owner email", a => a.Owner.Email),
        new("Due", a => a.DueOn),
        new("Status", a => GovernanceLabels.Of(a.Status)),
        new("Overdue", a => a.Overdue ? "Yes" : "No"),
        new("Completed", a => a.CompletedOn),
        new("Progress", a => a.Progress),
        new("Source", a => a.Source?.Kind),
        new("From", a => a.Source?.Label),
        new("Version", a => a.Version),
        new("Last updated (UTC)", a => a.UpdatedAt),
    ];

    public static readonly IReadOnlyList<SpreadsheetColumn<DecisionView>> DecisionColumns =
    [
        new("Reference", d => d.Reference),
        new("Unit", d => d.Unit.Code),
        new("Decision", d => d.Title),
        new("Rationale", d => d.Rationale),
        new("Options considered", d => d.OptionsConsidered),
        new("Date", d => d.DecidedOn),
        new("Board", d => d.Board?.Name),
        new("Meeting", d => d.Meeting?.StartsAt),
        new("Decided by", d => d.DecidedBy?.Name),
        new("RAID items", d => string.Join(", ", d.Links.Select(l => l.Reference))),
        new("Version", d => d.Version),
        new("Last updated (UTC)", d => d.UpdatedAt),
    ];
}

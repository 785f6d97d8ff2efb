using Steward.Features.Units;

namespace Steward.Features.Raid;

// The entry a status step is about, as its question page shows it: which steps its state allows, and
// in words why the others are not open to it.
public sealed record RaidStatusSubject(Guid Id, string Reference, string Title, int Version, string Address, IReadOnlyList<RaidStatusStep> Steps, string WhyNot)
{
    public static RaidStatusSubject Of(UnitView unit, RiskView risk) => new(
        risk.Id, risk.Reference, risk.Title, risk.Version, RaidLinks.Risk(unit.Code, risk.Reference),
        RaidStatusSteps.For(risk.Status, risk.IsOpportunity),
        risk.Status switch
        {
            RiskStatus.Realised => $"{risk.Reference} was realised as issue {risk.RealisedIssue}; it is dealt with as that issue now.",
            RiskStatus.Closed => $"{risk.Reference} is closed. Reopen it first.",
            _ when risk.IsOpportunity => $"{risk.Reference} is open, and an opportunity is taken, not realised as an issue. Close it instead.",
            _ => $"{risk.Reference} is open, so there is nothing to reopen.",
        });

    public static RaidStatusSubject Of(UnitView unit, IssueView issue) => new(
        issue.Id, issue.Reference, issue.Title, issue.Version, RaidLinks.Issue(unit.Code, issue.Reference),
        RaidStatusSteps.For(issue.Status, issue.Resolution),
        issue.Status == IssueStatus.Closed ? $"{issue.Reference} is closed already."
            : string.IsNullOrWhiteSpace(issue.Resolution) ? $"{issue.Reference} has no resolution recorded. Edit it to say how it was resolved, then close it."
            : $"{issue.Reference} is not closed, so there is nothing to reopen.");

    // A dependency is changed on the needing unit's side, so its steps are addressed there.
    public static RaidStatusSubject Of(DependencyView dependency) => new(
        dependency.Id, dependency.Reference, dependency.Title, dependency.Version, RaidLinks.Dependency(dependency.Unit.Code, dependency.Reference),
        RaidStatusSteps.For(dependency.Status),
        dependency.Status is DependencyStatus.Delivered or DependencyStatus.Broken
            ? $"{dependency.Reference} is {RaidLabels.Of(dependency.Status).ToLowerInvariant()} already. Reopen it first."
            : $"{dependency.Reference} is open, so there is nothing to reopen.");

    public static RaidStatusSubject Of(UnitView unit, AssumptionView assumption) => new(
        assumption.Id, assumption.Reference, assumption.Statement, assumption.Version, RaidLinks.Assumption(unit.Code, assumption.Reference),
        RaidStatusSteps.For(assumption.Status),
        assumption.Status == AssumptionStatus.Unvalidated ? $"{assumption.Reference} is unvalidated, so there is nothing to reopen."
            : $"{assumption.Reference} is {assumption.Status.ToString().ToLowerInvariant()} already. Reopen it first.");
}

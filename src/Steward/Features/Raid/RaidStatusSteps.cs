using FluentValidation;
using FluentValidation.Results;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// A step that changes a RAID entry's status (close, realise, reopen, validate, invalidate, deliver, break). Each asks for
// confirmation and a reason on its own page (GOV.UK's question-page pattern), and the API asks for the
// same reason. Slug: the step's address segment; Offer: the button on the entry's page; Needs: the right
// in the RAID area it takes.
public sealed record RaidStatusStep(
    string Slug,
    string Offer,
    string Question,
    string Explanation,
    string ReasonLabel,
    string ReasonHint,
    string ReasonMissing,
    string Confirm,
    PmoAction Needs,
    bool Warning = false)
{
    // The reason given, trimmed, or a validation failure on "reason" that says what to enter.
    public string Reason(string? reason) =>
        Problem(reason) is { } problem ? throw new ValidationException([problem]) : reason!.Trim();

    public ValidationFailure? Problem(string? reason) => reason?.Trim() switch
    {
        null or "" => new ValidationFailure("reason", ReasonMissing),
        { Length: > RaidTolerance.ReasonMaxLength } => new ValidationFailure("reason", $"The reason must be {RaidTolerance.ReasonMaxLength} characters or fewer"),
        _ => null,
    };
}

// Which steps an entry in its present state offers, the one place pages ask. The registers refuse the
// same steps with their own words (409), so a page that offers only these offers only what can succeed.
public static class RaidStatusSteps
{
    public static readonly RaidStatusStep CloseRisk = new(
        "close", "Close", "Close {0}?",
        "A closed risk leaves the open register and any escalation of it ends. It can be reopened later, with a reason.",
        "Why is it being closed?", "For example, the threat has passed, or the mitigation worked.",
        "Say why the risk is being closed", "Close the risk", PmoAction.Approve);

    public static readonly RaidStatusStep RealiseRisk = new(
        "realise", "It has happened: raise an issue", "Has {0} happened?",
        "The risk is marked realised and an issue is raised on the same unit with its title, event, effect and owner, at a priority set by its score. A realised risk cannot be reopened: the issue is dealt with instead.",
        "What happened?", "For example, the supplier missed the delivery date.",
        "Say what happened", "Realise the risk and raise an issue", PmoAction.Approve, Warning: true);

    public static readonly RaidStatusStep ReopenRisk = new(
        "reopen", "Reopen", "Reopen {0}?",
        "It returns to the open register, and its unit's tolerances place it again.",
        "Why is it being reopened?", "For example, the threat has come back.",
        "Say why the risk is being reopened", "Reopen the risk", PmoAction.Approve);

    public static readonly RaidStatusStep CloseIssue = new(
        "close", "Close", "Close {0}?",
        "A closed issue leaves the open register and any escalation of it ends. It can be reopened later, with a reason.",
        "Why is it being closed?", "For example, the fix has been checked and the service is back to normal.",
        "Say why the issue is being closed", "Close the issue", PmoAction.Approve);

    public static readonly RaidStatusStep ReopenIssue = new(
        "reopen", "Reopen", "Reopen {0}?",
        "It returns to the open register, and its unit's tolerances place it again.",
        "Why is it being reopened?", "For example, the problem has come back.",
        "Say why the issue is being reopened", "Reopen the issue", PmoAction.Approve);

    public static readonly RaidStatusStep ValidateAssumption = new(
        "validate", "It holds: mark validated", "Mark {0} validated?",
        "It leaves the list of assumptions waiting to be checked, and any escalation of it ends.",
        "How was it confirmed?", "For example, who confirmed it, or the evidence.",
        "Say how the assumption was confirmed", "Mark validated", PmoAction.Contribute);

    public static readonly RaidStatusStep InvalidateAssumption = new(
        "invalidate", "It is wrong: mark invalid", "Mark {0} invalid?",
        "It is marked invalid. The issue or risk it now is can be raised on the same unit in this step, linked to it.",
        "What proved it wrong?", "For example, the supplier has said it cannot meet the date.",
        "Say what proved the assumption wrong", "Mark invalid", PmoAction.Contribute, Warning: true);

    public static readonly RaidStatusStep ReopenAssumption = new(
        "reopen", "Reopen", "Reopen {0}?",
        "It becomes unvalidated again, to be checked. An issue or risk raised when it was marked invalid stays as it is.",
        "Why is it being reopened?", "For example, the evidence has changed.",
        "Say why the assumption is being reopened", "Reopen the assumption", PmoAction.Contribute);

    public static readonly RaidStatusStep DeliverDependency = new(
        "deliver", "It has come: mark delivered", "Mark {0} delivered?",
        "It leaves the open register and any escalation of it ends. It can be reopened later, with a reason.",
        "What was delivered?", "For example, the production API went live and passed its checks.",
        "Say what was delivered", "Mark delivered", PmoAction.Contribute);

    public static readonly RaidStatusStep BreakDependency = new(
        "break", "It will not come: mark broken", "Mark {0} broken?",
        "It leaves the open register and any escalation of it ends. Raise an issue or a risk for what its loss means. It can be reopened later, with a reason.",
        "Why will it not come?", "For example, the supplier has withdrawn the service.",
        "Say why it will not come", "Mark broken", PmoAction.Contribute, Warning: true);

    public static readonly RaidStatusStep ReopenDependency = new(
        "reopen", "Reopen", "Reopen {0}?",
        "It returns to the open register (agreed if the provider has committed to a date, otherwise proposed), and its unit's tolerances place it again.",
        "Why is it being reopened?", "For example, what was delivered failed its checks.",
        "Say why the dependency is being reopened", "Reopen the dependency", PmoAction.Contribute);

    public static IReadOnlyList<RaidStatusStep> For(RiskStatus status, bool isOpportunity) => status switch
    {
        RiskStatus.Open => isOpportunity ? [CloseRisk] : [CloseRisk, RealiseRisk],
        RiskStatus.Closed => [ReopenRisk],
        _ => [],
    };

    // An issue is closed once how it was resolved is recorded (an edit), so until then nothing is offered.
    public static IReadOnlyList<RaidStatusStep> For(IssueStatus status, string? resolution) => status switch
    {
        IssueStatus.Closed => [ReopenIssue],
        _ => string.IsNullOrWhiteSpace(resolution) ? [] : [CloseIssue],
    };

    public static IReadOnlyList<RaidStatusStep> For(AssumptionStatus status) =>
        status == AssumptionStatus.Unvalidated ? [ValidateAssumption, InvalidateAssumption] : [ReopenAssumption];

    public static IReadOnlyList<RaidStatusStep> For(DependencyStatus status) =>
        status is DependencyStatus.Delivered or DependencyStatus.Broken ? [ReopenDependency] : [DeliverDependency, BreakDependency];

    // Every step a register has, whatever the state: the question page finds its wording here.
    public static IReadOnlyList<RaidStatusStep> Of(string register) => register switch
    {
        "risks" => [CloseRisk, RealiseRisk, ReopenRisk],
        "issues" => [CloseIssue, ReopenIssue],
        "assumptions" => [ValidateAssumption, InvalidateAssumption, ReopenAssumption],
        "dependencies" => [DeliverDependency, BreakDependency, ReopenDependency],
        _ => [],
    };

    // Of the steps an entry's state allows, those this person may take on this unit now: what its page offers.
    public static async Task<IReadOnlyList<RaidStatusStep>> OfferedAsync(AccessPolicy access, UnitView unit, IReadOnlyList<RaidStatusStep> steps, CancellationToken ct)
    {
        if (!UnitChangeRule.Allows(unit.Status, RecordChange.Amend))
        {
            return [];
        }

        var offered = new List<RaidStatusStep>();
        foreach (var step in steps)
        {
            if (await access.CanAsync(PmoArea.Raid, step.Needs, unit.Path, ct))
            {
                offered.Add(step);
            }
        }

        return offered;
    }
}

using FluentValidation;
using FluentValidation.Results;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// Every change to issues, from pages, API and command line alike.
public sealed class IssueRegister(StewardDbContext db, RaidLog log)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(IssueInput input, CancellationToken ct = default) =>
        (await new IssueInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Issue> RaiseAsync(string unitKey, IssueInput input, CancellationToken ct = default)
    {
        var unit = await log.OpenUnitAsync(unitKey, "raise issues on", ct);
        input = Normalise(input);
        await new IssueInputValidator(db).ValidateAndThrowAsync(input, ct);
        var issue = new Issue { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = IssueStatus.Open };
        Apply(issue, input);
        issue.RaisedOn = input.RaisedOn ?? log.Today;
        return await log.AddAsync(db.Issues, issue, unit.Path, ct);
    }

    public async Task<Issue> UpdateAsync(Guid id, int expectedVersion, IssueInput input, CancellationToken ct = default)
    {
        var (issue, unit) = await log.LoadAsync<Issue>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        if (issue.Status == IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is closed and can no longer be changed.");
        }

        input = Normalise(input);
        await new IssueInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(issue, input);
        issue.RaisedOn = input.RaisedOn ?? issue.RaisedOn;
        issue.Status = input.Status ?? issue.Status;
        return await log.SaveAsync(issue, unit.Path, ct);
    }

    // A new owner and nothing else, for an issue not closed (bulk reassignment from the register).
    public async Task<Issue> ReassignAsync(Guid id, int expectedVersion, Guid ownerId, CancellationToken ct = default)
    {
        var (issue, unit) = await log.LoadAsync<Issue>(id, expectedVersion, PmoAction.Contribute, "reassign", ct);
        RefuseIfClosed(issue, "reassigned");
        issue.OwnerId = ownerId;
        return await log.SaveAsync(issue, unit.Path, ct);
    }

    // A new target resolution date and nothing else, for an issue not closed (set in bulk from the register).
    public async Task<Issue> RetargetAsync(Guid id, int expectedVersion, DateOnly target, CancellationToken ct = default)
    {
        var (issue, unit) = await log.LoadAsync<Issue>(id, expectedVersion, PmoAction.Contribute, "set the target date of", ct);
        RefuseIfClosed(issue, "given a target date");
        issue.TargetResolutionDate = target;
        return await log.SaveAsync(issue, unit.Path, ct);
    }

    private static void RefuseIfClosed(Issue issue, string what)
    {
        if (issue.Status == IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is closed and cannot be {what}; reopen it first.");
        }
    }

    public async Task<Issue> CloseAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (issue, unit) = await log.LoadAsync<Issue>(id, expectedVersion, PmoAction.Approve, "close", ct);
        reason = RaidStatusSteps.CloseIssue.Reason(reason);
        if (issue.Status == IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is already closed.");
        }

        if (string.IsNullOrWhiteSpace(issue.Resolution))
        {
            throw new ValidationException([new ValidationFailure(nameof(Issue.Resolution), $"Record how {issue.Reference} was resolved before closing it")]);
        }

        issue.Status = IssueStatus.Closed;
        issue.ClosedAt = log.Now;
        issue.StatusReason = reason;
        return await log.SaveAsync(issue, unit.Path, ct);
    }

    // A closed issue open again, placed by its tolerances again (a hand escalation ended when it closed).
    public async Task<Issue> ReopenAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (issue, unit) = await log.LoadAsync<Issue>(id, expectedVersion, PmoAction.Approve, "reopen", ct);
        reason = RaidStatusSteps.ReopenIssue.Reason(reason);
        if (issue.Status != IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is not closed; only a closed issue is reopened.");
        }

        issue.Status = IssueStatus.Open;
        issue.ClosedAt = null;
        issue.StatusReason = reason;
        issue.EscalatedByHand = false;
        issue.EscalationReason = null;
        return await log.SaveAsync(issue, unit.Path, ct);
    }

    public Task<Issue> EscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.EscalateAsync<Issue>(id, expectedVersion, reason, i => i.Status != IssueStatus.Closed, ct);

    public Task<Issue> DeEscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.DeEscalateAsync<Issue>(id, expectedVersion, reason, ct);

    // A score of 20-25 is critical, 15-19 high, 8-14 medium, below that low: the usual 5 × 5 banding.
    public static IssuePriority PriorityFor(int score) => score switch
    {
        >= 20 => IssuePriority.Critical,
        >= 15 => IssuePriority.High,
        >= 8 => IssuePriority.Medium,
        _ => IssuePriority.Low,
    };

    internal static void Apply(Issue issue, IssueInput input)
    {
        issue.Title = input.Title!;
        issue.Description = input.Description;
        issue.Priority = input.Priority!.Value;
        issue.Impact = input.Impact;
        issue.OwnerId = input.OwnerId!.Value;
        issue.TargetResolutionDate = input.TargetResolutionDate;
        issue.Resolution = input.Resolution;
    }

    private static IssueInput Normalise(IssueInput input) => input with
    {
        Title = RaidLog.Blank(input.Title),
        Description = RaidLog.Blank(input.Description),
        Impact = RaidLog.Blank(input.Impact),
        Resolution = RaidLog.Blank(input.Resolution),
    };
}

using FluentValidation;
using FluentValidation.Results;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// Every change to assumptions, from pages, API and command line alike.
public sealed class AssumptionRegister(StewardDbContext db, RaidLog log)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(AssumptionInput input, CancellationToken ct = default) =>
        (await new AssumptionInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Assumption> RaiseAsync(string unitKey, AssumptionInput input, CancellationToken ct = default)
    {
        var unit = await log.OpenUnitAsync(unitKey, "record assumptions of", ct);
        input = Normalise(input);
        await new AssumptionInputValidator(db).ValidateAndThrowAsync(input, ct);
        var assumption = new Assumption { Id = Guid.CreateVersion7(), UnitId = unit.Id, Statement = input.Statement!, Status = AssumptionStatus.Unvalidated };
        Apply(assumption, input);
        return await db.AddNumberedAsync(db.Assumptions, assumption, ct);
    }

    public async Task<Assumption> UpdateAsync(Guid id, int expectedVersion, AssumptionInput input, CancellationToken ct = default)
    {
        var (assumption, _) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        await new AssumptionInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(assumption, input);
        await log.SaveAsync(assumption, ct);
        return assumption;
    }

    // A new owner and nothing else, for an assumption still to be validated (bulk reassignment from the register).
    public async Task<Assumption> ReassignAsync(Guid id, int expectedVersion, Guid ownerId, CancellationToken ct = default)
    {
        var (assumption, _) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "reassign", ct);
        RefuseUnlessUnvalidated(assumption);
        assumption.OwnerId = ownerId;
        await log.SaveAsync(assumption, ct);
        return assumption;
    }

    // A new date to validate it by and nothing else (set in bulk from the register).
    public async Task<Assumption> RescheduleValidationAsync(Guid id, int expectedVersion, DateOnly due, CancellationToken ct = default)
    {
        var (assumption, _) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "set the validation date of", ct);
        RefuseUnlessUnvalidated(assumption);
        assumption.ValidationDue = due;
        await log.SaveAsync(assumption, ct);
        return assumption;
    }

    public async Task<Assumption> ValidateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (assumption, _) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "validate", ct);
        reason = RaidStatusSteps.ValidateAssumption.Reason(reason);
        RefuseUnlessUnvalidated(assumption);
        assumption.Status = AssumptionStatus.Validated;
        assumption.StatusReason = reason;
        assumption.EscalatedToId = null;
        await log.SaveAsync(assumption, ct);
        return assumption;
    }

    // Checked again: unvalidated once more. An issue or risk raised when it proved wrong stays as it is.
    public async Task<Assumption> ReopenAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (assumption, _) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "reopen", ct);
        reason = RaidStatusSteps.ReopenAssumption.Reason(reason);
        if (assumption.Status == AssumptionStatus.Unvalidated)
        {
            throw new RecordStateConflictException($"{assumption.Reference} is unvalidated already.");
        }

        assumption.Status = AssumptionStatus.Unvalidated;
        assumption.StatusReason = reason;
        assumption.EscalatedByHand = false;
        assumption.EscalationReason = null;
        await log.SaveAsync(assumption, ct);
        return assumption;
    }

    // Proved wrong: marked invalid and, if asked, the issue or risk it now is raised and linked, in one transaction.
    public async Task<(Assumption Assumption, IRaidItem? FollowUp)> InvalidateAsync(Guid id, int expectedVersion, string? raise, string? reason, CancellationToken ct = default)
    {
        var (assumption, unit) = await log.LoadAsync<Assumption>(id, expectedVersion, PmoAction.Contribute, "invalidate", ct);
        // Both fields' problems at once, so a form can say them together.
        var failures = new List<ValidationFailure>();
        var kind = raise?.Trim().ToLowerInvariant();
        if (kind is not (null or "" or "nothing" or "issue" or "risk"))
        {
            failures.Add(new ValidationFailure("raise", "raise must be issue, risk or nothing"));
        }

        if (RaidStatusSteps.InvalidateAssumption.Problem(reason) is { } problem)
        {
            failures.Add(problem);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        reason = reason!.Trim();

        RefuseUnlessUnvalidated(assumption);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IRaidItem? followUp = null;
        var title = Shorten($"Assumption {assumption.Reference} proved wrong: {assumption.Statement}");
        if (kind == "issue")
        {
            followUp = await log.AddAsync(db.Issues, new Issue
            {
                Id = Guid.CreateVersion7(), UnitId = assumption.UnitId, Title = title, Description = assumption.Statement, Impact = assumption.ImpactIfWrong,
                Priority = IssuePriority.High, OwnerId = assumption.OwnerId, RaisedOn = log.Today, Status = IssueStatus.Open,
            }, unit.Path, ct);
        }
        else if (kind == "risk")
        {
            // Scored in the middle of the scale until its owner scores it properly.
            followUp = await log.AddAsync(db.Risks, new Risk
            {
                Id = Guid.CreateVersion7(), UnitId = assumption.UnitId, Title = title, Event = assumption.Statement, Effect = assumption.ImpactIfWrong,
                OwnerId = assumption.OwnerId, RaisedOn = log.Today, Likelihood = 3, Impact = 3, Score = 9, Status = RiskStatus.Open,
            }, unit.Path, ct);
        }

        assumption.Status = AssumptionStatus.Invalid;
        assumption.StatusReason = reason;
        assumption.FollowUp = followUp?.Reference;
        assumption.EscalatedToId = null;
        await log.SaveAsync(assumption, ct);
        await transaction.CommitAsync(ct);
        return (assumption, followUp);
    }

    public Task<Assumption> EscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.EscalateAsync<Assumption>(id, expectedVersion, reason, a => a.Status == AssumptionStatus.Unvalidated, ct);

    public Task<Assumption> DeEscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.DeEscalateAsync<Assumption>(id, expectedVersion, reason, ct);

    internal static void Apply(Assumption assumption, AssumptionInput input)
    {
        assumption.Statement = input.Statement!;
        assumption.ImpactIfWrong = input.ImpactIfWrong;
        assumption.OwnerId = input.OwnerId!.Value;
        assumption.ValidationDue = input.ValidationDue;
    }

    private static void RefuseUnlessUnvalidated(Assumption assumption)
    {
        if (assumption.Status != AssumptionStatus.Unvalidated)
        {
            throw new RecordStateConflictException($"{assumption.Reference} is already {assumption.Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static AssumptionInput Normalise(AssumptionInput input) => input with
    {
        Statement = RaidLog.Blank(input.Statement),
        ImpactIfWrong = RaidLog.Blank(input.ImpactIfWrong),
    };

    private static string Shorten(string text) => text.Length <= Risk.TitleMaxLength ? text : text[..(Risk.TitleMaxLength - 1)].TrimEnd() + "…";
}

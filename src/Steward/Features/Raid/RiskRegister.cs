using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// Every change to risks, from pages, API and command line alike.
public sealed class RiskRegister(StewardDbContext db, RaidLog log, ChangeContext who)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(RiskInput input, CancellationToken ct = default) =>
        (await new RiskInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Risk> RaiseAsync(string unitKey, RiskInput input, CancellationToken ct = default)
    {
        var unit = await log.OpenUnitAsync(unitKey, "raise risks on", ct);
        input = Normalise(input);
        await new RiskInputValidator(db).ValidateAndThrowAsync(input, ct);
        var risk = new Risk { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = RiskStatus.Open };
        Apply(risk, input);
        risk.RaisedOn = input.RaisedOn ?? log.Today;
        // Unless another person is named, whoever raises the risk raised it (the person their account is).
        risk.RaisedById ??= await ActingPersonAsync(ct);
        return await log.AddAsync(db.Risks, risk, unit.Path, ct);
    }

    public async Task<Risk> UpdateAsync(Guid id, int expectedVersion, RiskInput input, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        await new RiskInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(risk, input);
        risk.RaisedOn = input.RaisedOn ?? risk.RaisedOn;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    public async Task<Risk> CloseAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Approve, "close", ct);
        reason = RaidStatusSteps.CloseRisk.Reason(reason);
        RefuseUnlessOpen(risk);
        risk.Status = RiskStatus.Closed;
        risk.ClosedAt = log.Now;
        risk.StatusReason = reason;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    // A closed risk back on the open register, placed by its tolerances again (a hand escalation ended
    // when it closed). A realised risk stays realised: its issue carries it now.
    public async Task<Risk> ReopenAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Approve, "reopen", ct);
        reason = RaidStatusSteps.ReopenRisk.Reason(reason);
        if (risk.Status != RiskStatus.Closed)
        {
            throw new RecordStateConflictException(risk.Status == RiskStatus.Realised
                ? $"{risk.Reference} was realised as an issue and is dealt with as that issue; it cannot be reopened."
                : $"{risk.Reference} is open already.");
        }

        risk.Status = RiskStatus.Open;
        risk.ClosedAt = null;
        risk.StatusReason = reason;
        risk.EscalatedByHand = false;
        risk.EscalationReason = null;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    // The threat has happened: it becomes an issue, linked both ways, in one transaction.
    public async Task<Issue> RealiseAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Approve, "realise", ct);
        reason = RaidStatusSteps.RealiseRisk.Reason(reason);
        RefuseUnlessOpen(risk);
        if (risk.IsOpportunity)
        {
            throw new RecordStateConflictException($"{risk.Reference} is an opportunity; an opportunity is taken, not realised as an issue. Close it instead.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issue = await log.AddAsync(db.Issues, new Issue
        {
            Id = Guid.CreateVersion7(),
            UnitId = risk.UnitId,
            Title = risk.Title,
            Description = string.Join("\n\n", new[] { risk.Event, risk.Effect }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : null,
            Priority = IssueRegister.PriorityFor(risk.Score),
            Impact = risk.Effect,
            OwnerId = risk.OwnerId,
            RaisedOn = log.Today,
            Status = IssueStatus.Open,
            RiskId = risk.Id,
        }, unit.Path, ct);
        risk.Status = RiskStatus.Realised;
        risk.ClosedAt = log.Now;
        risk.StatusReason = reason;
        risk.RealisedIssueId = issue.Id;
        await log.SaveAsync(risk, unit.Path, ct);
        await transaction.CommitAsync(ct);
        return issue;
    }

    // A RAID review of one risk: a dated comment and when it is next due, without editing the rest of it.
    public async Task<Risk> ReviewAsync(Guid id, int expectedVersion, RiskReviewInput input, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Contribute, "review", ct);
        var failures = CheckReview(input);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        RefuseUnlessOpen(risk);
        db.RiskReviews.Add(new RiskReview
        {
            Id = Guid.CreateVersion7(), RiskId = risk.Id, ReviewedOn = log.Today, ReviewedById = await ActingPersonAsync(ct),
            Comment = RaidLog.Blank(input.Comment)!, NextReviewDate = input.NextReviewDate, CreatedAt = log.Now,
        });
        risk.NextReviewDate = input.NextReviewDate;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    // What is wrong with a review, every field at once, so a form can say it all before anything is loaded.
    public List<ValidationFailure> CheckReview(RiskReviewInput input)
    {
        var comment = RaidLog.Blank(input.Comment);
        var failures = new List<ValidationFailure>();
        if (comment is null)
        {
            failures.Add(new ValidationFailure("comment", "Enter what the review found"));
        }
        else if (comment.Length > RiskReview.CommentMaxLength)
        {
            failures.Add(new ValidationFailure("comment", $"What the review found must be {RiskReview.CommentMaxLength} characters or fewer"));
        }

        if (input.NextReviewDate is not { } next)
        {
            failures.Add(new ValidationFailure("nextReviewDate", "Enter the next review date"));
        }
        else if (next <= log.Today)
        {
            failures.Add(new ValidationFailure("nextReviewDate", "The next review date must be in the future"));
        }

        return failures;
    }

    // A new owner and nothing else, for an open risk (bulk reassignment from the register).
    public async Task<Risk> ReassignAsync(Guid id, int expectedVersion, Guid ownerId, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Contribute, "reassign", ct);
        RefuseUnlessOpenFor(risk, "reassigned");
        risk.OwnerId = ownerId;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    // A new next review date and nothing else, for an open risk (set in bulk from the register).
    public async Task<Risk> ScheduleReviewAsync(Guid id, int expectedVersion, DateOnly nextReview, CancellationToken ct = default)
    {
        var (risk, unit) = await log.LoadAsync<Risk>(id, expectedVersion, PmoAction.Contribute, "set the review date of", ct);
        RefuseUnlessOpenFor(risk, "given a review date");
        risk.NextReviewDate = nextReview;
        return await log.SaveAsync(risk, unit.Path, ct);
    }

    public Task<Risk> EscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.EscalateAsync<Risk>(id, expectedVersion, reason, r => r.Status == RiskStatus.Open, ct);

    public Task<Risk> DeEscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.DeEscalateAsync<Risk>(id, expectedVersion, reason, ct);

    private Task<Guid?> ActingPersonAsync(CancellationToken ct) => ActingPerson.IdAsync(db, who, ct);

    internal static void Apply(Risk risk, RiskInput input)
    {
        risk.Title = input.Title!;
        risk.Cause = input.Cause;
        risk.Event = input.Event;
        risk.Effect = input.Effect;
        risk.Category = input.Category;
        risk.IsOpportunity = input.IsOpportunity;
        risk.OwnerId = input.OwnerId!.Value;
        risk.RaisedById = input.RaisedById;
        risk.ProximityDate = input.ProximityDate;
        risk.InherentLikelihood = input.InherentLikelihood;
        risk.InherentImpact = input.InherentImpact;
        risk.Likelihood = input.Likelihood!.Value;
        risk.Impact = input.Impact!.Value;
        risk.Score = risk.Likelihood * risk.Impact;
        risk.TargetLikelihood = input.TargetLikelihood;
        risk.TargetImpact = input.TargetImpact;
        risk.Response = input.Response;
        risk.NextReviewDate = input.NextReviewDate;
    }

    private static void RefuseUnlessOpen(Risk risk)
    {
        if (risk.Status != RiskStatus.Open)
        {
            throw new RecordStateConflictException($"{risk.Reference} is already {risk.Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static void RefuseUnlessOpenFor(Risk risk, string done)
    {
        if (risk.Status != RiskStatus.Open)
        {
            throw new RecordStateConflictException($"{risk.Reference} is {risk.Status.ToString().ToLowerInvariant()}; only open risks are {done}.");
        }
    }

    private static RiskInput Normalise(RiskInput input) => input with
    {
        Title = RaidLog.Blank(input.Title),
        Cause = RaidLog.Blank(input.Cause),
        Event = RaidLog.Blank(input.Event),
        Effect = RaidLog.Blank(input.Effect),
        Category = RaidLog.Blank(input.Category),
    };
}

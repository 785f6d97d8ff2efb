using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Every change to risks and issues, from pages, API and command line alike. In the permission matrix's
// RAID area, raising and editing is "contribute"; closing and realising a risk is "approve".
public sealed class RaidService(StewardDbContext db, UnitQueries unitQueries, RegisterUnits units, RegisterEntries entries, AccessPolicy access, RaidEscalation escalation, ToleranceService tolerances, TimeProvider clock, ChangeContext who)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(RiskInput input, CancellationToken ct = default) =>
        (await new RiskInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(IssueInput input, CancellationToken ct = default) =>
        (await new IssueInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Risk> RaiseRiskAsync(string unitKey, RiskInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, "raise risks on", Register, ct);
        input = Normalise(input);
        await new RiskInputValidator(db).ValidateAndThrowAsync(input, ct);
        var risk = new Risk { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = RiskStatus.Open };
        Apply(risk, input);
        risk.RaisedOn = input.RaisedOn ?? Today;
        // Unless another person is named, whoever raises the risk raised it (the person their account is).
        risk.RaisedById ??= who.UserId is { } user ? await db.Users.Where(u => u.Id == user).Select(u => u.PersonId).FirstOrDefaultAsync(ct) : null;
        await escalation.ApplyAsync(risk, unit.Path, ct);
        return await db.AddNumberedAsync(db.Risks, risk, ct);
    }

    public async Task<Risk> UpdateRiskAsync(Guid id, int expectedVersion, RiskInput input, CancellationToken ct = default)
    {
        var (risk, unit) = await Load<Risk>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        await new RiskInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(risk, input);
        risk.RaisedOn = input.RaisedOn ?? risk.RaisedOn;
        await escalation.ApplyAsync(risk, unit.Path, ct);
        await entries.SaveAsync(risk.Reference, risk.Version, ct);
        return risk;
    }

    public async Task<Risk> CloseRiskAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (risk, unit) = await Load<Risk>(id, expectedVersion, PmoAction.Approve, "close", ct);
        RefuseUnlessOpen(risk);
        risk.Status = RiskStatus.Closed;
        risk.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await escalation.ApplyAsync(risk, unit.Path, ct);
        await entries.SaveAsync(risk.Reference, risk.Version, ct);
        return risk;
    }

    // The threat has happened: it becomes an issue, linked both ways, in one transaction.
    public async Task<Issue> RealiseRiskAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (risk, unit) = await Load<Risk>(id, expectedVersion, PmoAction.Approve, "realise", ct);
        RefuseUnlessOpen(risk);
        if (risk.IsOpportunity)
        {
            throw new RecordStateConflictException($"{risk.Reference} is an opportunity; an opportunity is taken, not realised as an issue. Close it instead.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issue = new Issue
        {
            Id = Guid.CreateVersion7(),
            UnitId = risk.UnitId,
            Title = risk.Title,
            Description = string.Join("\n\n", new[] { risk.Event, risk.Effect }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : null,
            Priority = PriorityFor(risk.Score),
            Impact = risk.Effect,
            OwnerId = risk.OwnerId,
            RaisedOn = Today,
            Status = IssueStatus.Open,
            RiskId = risk.Id,
        };
        await escalation.ApplyAsync(issue, unit.Path, ct);
        await db.AddNumberedAsync(db.Issues, issue, ct);
        risk.Status = RiskStatus.Realised;
        risk.ClosedAt = clock.GetUtcNow().UtcDateTime;
        risk.RealisedIssueId = issue.Id;
        await escalation.ApplyAsync(risk, unit.Path, ct);
        await entries.SaveAsync(risk.Reference, risk.Version, ct);
        await transaction.CommitAsync(ct);
        return issue;
    }

    public async Task<Issue> RaiseIssueAsync(string unitKey, IssueInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, "raise issues on", Register, ct);
        input = Normalise(input);
        await new IssueInputValidator(db).ValidateAndThrowAsync(input, ct);
        var issue = new Issue { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = IssueStatus.Open };
        Apply(issue, input);
        issue.RaisedOn = input.RaisedOn ?? Today;
        await escalation.ApplyAsync(issue, unit.Path, ct);
        return await db.AddNumberedAsync(db.Issues, issue, ct);
    }

    public async Task<Issue> UpdateIssueAsync(Guid id, int expectedVersion, IssueInput input, CancellationToken ct = default)
    {
        var (issue, unit) = await Load<Issue>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        if (issue.Status == IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is closed and can no longer be changed.");
        }

        input = Normalise(input);
        await new IssueInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(issue, input);
        issue.RaisedOn = input.RaisedOn ?? issue.RaisedOn;
        issue.Status = input.Status ?? issue.Status;
        await escalation.ApplyAsync(issue, unit.Path, ct);
        await entries.SaveAsync(issue.Reference, issue.Version, ct);
        return issue;
    }

    public async Task<Issue> CloseIssueAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (issue, unit) = await Load<Issue>(id, expectedVersion, PmoAction.Approve, "close", ct);
        if (issue.Status == IssueStatus.Closed)
        {
            throw new RecordStateConflictException($"{issue.Reference} is already closed.");
        }

        if (string.IsNullOrWhiteSpace(issue.Resolution))
        {
            throw new ValidationException([new ValidationFailure(nameof(Issue.Resolution), $"Record how {issue.Reference} was resolved before closing it")]);
        }

        issue.Status = IssueStatus.Closed;
        issue.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await escalation.ApplyAsync(issue, unit.Path, ct);
        await entries.SaveAsync(issue.Reference, issue.Version, ct);
        return issue;
    }

    public async Task<Risk> EscalateRiskAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await EscalateAsync<Risk>(id, expectedVersion, reason, r => r.Status == RiskStatus.Open, ct);

    public async Task<Risk> DeEscalateRiskAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await DeEscalateAsync<Risk>(id, expectedVersion, reason, ct);

    public async Task<Issue> EscalateIssueAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await EscalateAsync<Issue>(id, expectedVersion, reason, i => i.Status != IssueStatus.Closed, ct);

    public async Task<Issue> DeEscalateIssueAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await DeEscalateAsync<Issue>(id, expectedVersion, reason, ct);

    // A unit's own RAID tolerances (empty fields inherit from above), kept by the tolerance engine, which
    // places every item below again at once. Fields are validated here in the words of the RAID pages.
    public async Task SetTolerancesAsync(string unitKey, int? expectedVersion, int? riskScore, IssuePriority? issuePriority, int? dependencyLateDays, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Approve, unitKey, RecordChange.Commitment, "set the RAID tolerances of", "tolerances", ct);
        if (riskScore is < 1 or > 25)
        {
            throw new ValidationException([new ValidationFailure("riskScore", $"A risk score tolerance must be from 1 to 25 (likelihood × impact), not {riskScore}")]);
        }

        if (dependencyLateDays is < 0 or > 260)
        {
            throw new ValidationException([new ValidationFailure("dependencyLateDays", $"Dependency lateness must be from 0 to 260 working days, not {dependencyLateDays}")]);
        }

        await tolerances.SetAsync(unit.Id.ToString(), expectedVersion, new Dictionary<ToleranceDimension, (decimal?, decimal?)>
        {
            [ToleranceDimension.Risk] = (RaidTolerance.HeldScore(riskScore), null),
            [ToleranceDimension.Issues] = (RaidTolerance.HeldSeverity(issuePriority), null),
            [ToleranceDimension.Dependencies] = (dependencyLateDays, null),
        }, ct);
    }

    // One level up the tree from where the item is now, with the reason; tolerances no longer move it.
    private async Task<T> EscalateAsync<T>(Guid id, int expectedVersion, string? reason, Func<T, bool> open, CancellationToken ct)
        where T : class, IRaidItem
    {
        var (item, unit) = await Load<T>(id, expectedVersion, PmoAction.Contribute, "escalate", ct);
        reason = RequireReason(reason, "escalated");
        if (!open(item))
        {
            throw new RecordStateConflictException($"{item.Reference} is closed; only open items are escalated.");
        }

        var levels = UnitPath.Ids(unit.Path);
        var current = levels.IndexOf(item.EscalatedToId ?? item.UnitId);
        if (current <= 0)
        {
            throw new RecordStateConflictException($"{item.Reference} is already at the top of the tree; there is nowhere higher to escalate it.");
        }

        item.EscalatedToId = levels[current - 1];
        item.EscalatedByHand = true;
        item.EscalationReason = reason;
        await entries.SaveAsync(item.Reference, item.Version, ct);
        return item;
    }

    // One level back down, decided at the level that holds it now (approve there), with the reason.
    private async Task<T> DeEscalateAsync<T>(Guid id, int expectedVersion, string? reason, CancellationToken ct)
        where T : class, IRaidItem
    {
        var (item, unit) = await Load<T>(id, expectedVersion, PmoAction.Read, "de-escalate", ct);
        reason = RequireReason(reason, "handed back");
        if (item.EscalatedToId is not { } heldAt)
        {
            throw new RecordStateConflictException($"{item.Reference} is not escalated; its own unit holds it.");
        }

        var levels = UnitPath.Ids(unit.Path);
        var current = levels.IndexOf(heldAt);
        await access.DemandAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(unit.Path, heldAt), $"hand {item.Reference} back down", ct);
        var below = levels[current + 1];
        item.EscalatedToId = below == item.UnitId ? null : below;
        item.EscalatedByHand = true;
        item.EscalationReason = reason;
        await entries.SaveAsync(item.Reference, item.Version, ct);
        return item;
    }

    private static string RequireReason(string? reason, string verb)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ValidationException([new ValidationFailure("reason", $"Say why it is being {verb}")]);
        }

        return trimmed.Length <= RaidTolerance.ReasonMaxLength ? trimmed
            : throw new ValidationException([new ValidationFailure("reason", $"Reason must be {RaidTolerance.ReasonMaxLength} characters or fewer")]);
    }

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(DependencyInput input, CancellationToken ct = default) =>
        (await new DependencyInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Dependency> RaiseDependencyAsync(string unitKey, DependencyInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, "record dependencies of", Register, ct);
        input = Normalise(input);
        var provider = await ValidateAsync(input, unit.Id, ct);
        var dependency = new Dependency { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = DependencyStatus.Proposed };
        Apply(dependency, input, provider);
        await escalation.ApplyAsync(dependency, unit.Path, ct);
        return await db.AddNumberedAsync(db.Dependencies, dependency, ct);
    }

    public async Task<Dependency> UpdateDependencyAsync(Guid id, int expectedVersion, DependencyInput input, CancellationToken ct = default)
    {
        var (dependency, unit) = await Load<Dependency>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        var provider = await ValidateAsync(input, dependency.UnitId, ct);
        Apply(dependency, input, provider);
        await escalation.ApplyAsync(dependency, unit.Path, ct);
        await entries.SaveAsync(dependency.Reference, dependency.Version, ct);
        return dependency;
    }

    public async Task<Dependency> EscalateDependencyAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await EscalateAsync<Dependency>(id, expectedVersion, reason, d => d.IsOpen, ct);

    public async Task<Dependency> DeEscalateDependencyAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await DeEscalateAsync<Dependency>(id, expectedVersion, reason, ct);

    // The providing unit must be one the actor can see, and not the needing unit itself.
    private async Task<Guid?> ValidateAsync(DependencyInput input, Guid needingUnitId, CancellationToken ct)
    {
        var failures = (await new DependencyInputValidator(db).ValidateAsync(input, ct)).Errors;
        Guid? provider = null;
        if (!string.IsNullOrWhiteSpace(input.ProviderUnit) && failures.All(f => f.PropertyName != nameof(DependencyInput.ProviderUnit)))
        {
            var found = await unitQueries.FindAsync(input.ProviderUnit, ct);
            if (found is null)
            {
                failures.Add(new ValidationFailure(nameof(DependencyInput.ProviderUnit), $"No unit has the code or id {input.ProviderUnit}"));
            }
            else if (found.Id == needingUnitId)
            {
                failures.Add(new ValidationFailure(nameof(DependencyInput.ProviderUnit), $"{found.Code} cannot depend on itself; name another unit or a party outside Steward"));
            }
            else
            {
                provider = found.Id;
            }
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : provider;
    }

    internal static void Apply(Dependency dependency, DependencyInput input, Guid? provider)
    {
        dependency.Title = input.Title!;
        dependency.Description = input.Description;
        dependency.ProviderUnitId = provider;
        dependency.ExternalParty = provider is null ? input.ExternalParty : null;
        dependency.NeededBy = input.NeededBy!.Value;
        dependency.CommittedDate = input.CommittedDate;
        dependency.OwnerId = input.OwnerId!.Value;
        dependency.ProviderOwnerId = input.ProviderOwnerId;
        dependency.Status = input.Status ?? dependency.Status;
    }

    private static DependencyInput Normalise(DependencyInput input) => input with
    {
        Title = Blank(input.Title),
        Description = Blank(input.Description),
        ProviderUnit = Blank(input.ProviderUnit),
        ExternalParty = Blank(input.ExternalParty),
    };

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(AssumptionInput input, CancellationToken ct = default) =>
        (await new AssumptionInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Assumption> RaiseAssumptionAsync(string unitKey, AssumptionInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, "record assumptions of", Register, ct);
        input = Normalise(input);
        await new AssumptionInputValidator(db).ValidateAndThrowAsync(input, ct);
        var assumption = new Assumption { Id = Guid.CreateVersion7(), UnitId = unit.Id, Statement = input.Statement!, Status = AssumptionStatus.Unvalidated };
        Apply(assumption, input);
        return await db.AddNumberedAsync(db.Assumptions, assumption, ct);
    }

    public async Task<Assumption> UpdateAssumptionAsync(Guid id, int expectedVersion, AssumptionInput input, CancellationToken ct = default)
    {
        var (assumption, _) = await Load<Assumption>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        await new AssumptionInputValidator(db).ValidateAndThrowAsync(input, ct);
        Apply(assumption, input);
        await entries.SaveAsync(assumption.Reference, assumption.Version, ct);
        return assumption;
    }

    public async Task<Assumption> ValidateAssumptionAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (assumption, _) = await Load<Assumption>(id, expectedVersion, PmoAction.Contribute, "validate", ct);
        RefuseUnlessUnvalidated(assumption);
        assumption.Status = AssumptionStatus.Validated;
        assumption.EscalatedToId = null;
        await entries.SaveAsync(assumption.Reference, assumption.Version, ct);
        return assumption;
    }

    // Proved wrong: marked invalid and, if asked, the issue or risk it now is raised and linked, in one transaction.
    public async Task<(Assumption Assumption, IRaidItem? FollowUp)> InvalidateAssumptionAsync(Guid id, int expectedVersion, string? raise, CancellationToken ct = default)
    {
        var (assumption, unit) = await Load<Assumption>(id, expectedVersion, PmoAction.Contribute, "invalidate", ct);
        RefuseUnlessUnvalidated(assumption);
        var kind = raise?.Trim().ToLowerInvariant();
        if (kind is not (null or "" or "nothing" or "issue" or "risk"))
        {
            throw new ValidationException([new ValidationFailure("raise", "raise must be issue, risk or nothing")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IRaidItem? followUp = null;
        var title = Shorten($"Assumption {assumption.Reference} proved wrong: {assumption.Statement}");
        if (kind == "issue")
        {
            var issue = new Issue
            {
                Id = Guid.CreateVersion7(), UnitId = assumption.UnitId, Title = title, Description = assumption.Statement, Impact = assumption.ImpactIfWrong,
                Priority = IssuePriority.High, OwnerId = assumption.OwnerId, RaisedOn = Today, Status = IssueStatus.Open,
            };
            await escalation.ApplyAsync(issue, unit.Path, ct);
            followUp = await db.AddNumberedAsync(db.Issues, issue, ct);
        }
        else if (kind == "risk")
        {
            // Scored in the middle of the scale until its owner scores it properly.
            var risk = new Risk
            {
                Id = Guid.CreateVersion7(), UnitId = assumption.UnitId, Title = title, Event = assumption.Statement, Effect = assumption.ImpactIfWrong,
                OwnerId = assumption.OwnerId, RaisedOn = Today, Likelihood = 3, Impact = 3, Score = 9, Status = RiskStatus.Open,
            };
            await escalation.ApplyAsync(risk, unit.Path, ct);
            followUp = await db.AddNumberedAsync(db.Risks, risk, ct);
        }

        assumption.Status = AssumptionStatus.Invalid;
        assumption.FollowUp = followUp?.Reference;
        assumption.EscalatedToId = null;
        await entries.SaveAsync(assumption.Reference, assumption.Version, ct);
        await transaction.CommitAsync(ct);
        return (assumption, followUp);
    }

    public async Task<Assumption> EscalateAssumptionAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await EscalateAsync<Assumption>(id, expectedVersion, reason, a => a.Status == AssumptionStatus.Unvalidated, ct);

    public async Task<Assumption> DeEscalateAssumptionAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        await DeEscalateAsync<Assumption>(id, expectedVersion, reason, ct);

    private static void RefuseUnlessUnvalidated(Assumption assumption)
    {
        if (assumption.Status != AssumptionStatus.Unvalidated)
        {
            throw new RecordStateConflictException($"{assumption.Reference} is already {assumption.Status.ToString().ToLowerInvariant()}.");
        }
    }

    internal static void Apply(Assumption assumption, AssumptionInput input)
    {
        assumption.Statement = input.Statement!;
        assumption.ImpactIfWrong = input.ImpactIfWrong;
        assumption.OwnerId = input.OwnerId!.Value;
        assumption.ValidationDue = input.ValidationDue;
    }

    private static AssumptionInput Normalise(AssumptionInput input) => input with
    {
        Statement = Blank(input.Statement),
        ImpactIfWrong = Blank(input.ImpactIfWrong),
    };

    private static string Shorten(string text) => text.Length <= Risk.TitleMaxLength ? text : text[..(Risk.TitleMaxLength - 1)].TrimEnd() + "…";

    // A score of 20-25 is critical, 15-19 high, 8-14 medium, below that low: the usual 5 × 5 banding.
    public static IssuePriority PriorityFor(int score) => score switch
    {
        >= 20 => IssuePriority.Critical,
        >= 15 => IssuePriority.High,
        >= 8 => IssuePriority.Medium,
        _ => IssuePriority.Low,
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private const string Register = "RAID log";

    private Task<(T Entry, RegisterUnit Unit)> Load<T>(Guid id, int expectedVersion, PmoAction action, string verb, CancellationToken ct)
        where T : class, IRaidItem => entries.LoadAsync<T>(PmoArea.Raid, action, id, expectedVersion, verb, Register, ct);

    private static void RefuseUnlessOpen(Risk risk)
    {
        if (risk.Status != RiskStatus.Open)
        {
            throw new RecordStateConflictException($"{risk.Reference} is already {risk.Status.ToString().ToLowerInvariant()}.");
        }
    }

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

    private static RiskInput Normalise(RiskInput input) => input with
    {
        Title = Blank(input.Title),
        Cause = Blank(input.Cause),
        Event = Blank(input.Event),
        Effect = Blank(input.Effect),
        Category = Blank(input.Category),
    };

    private static IssueInput Normalise(IssueInput input) => input with
    {
        Title = Blank(input.Title),
        Description = Blank(input.Description),
        Impact = Blank(input.Impact),
        Resolution = Blank(input.Resolution),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

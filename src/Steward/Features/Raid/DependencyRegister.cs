using FluentValidation;
using FluentValidation.Results;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// Every change to dependencies, from pages, API and command line alike.
public sealed class DependencyRegister(StewardDbContext db, RaidLog log, UnitQueries units)
{
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(DependencyInput input, CancellationToken ct = default) =>
        (await new DependencyInputValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<Dependency> RaiseAsync(string unitKey, DependencyInput input, CancellationToken ct = default)
    {
        var unit = await log.OpenUnitAsync(unitKey, "record dependencies of", ct);
        input = Normalise(input);
        RefuseEndingStatus(input.Status, DependencyStatus.Proposed);
        var provider = await ValidateAsync(input, unit.Id, ct);
        var dependency = new Dependency { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = DependencyStatus.Proposed };
        Apply(dependency, input, provider);
        return await log.AddAsync(db.Dependencies, dependency, unit.Path, ct);
    }

    public async Task<Dependency> UpdateAsync(Guid id, int expectedVersion, DependencyInput input, CancellationToken ct = default)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        RefuseEndingStatus(input.Status, dependency.Status);
        var provider = await ValidateAsync(input, dependency.UnitId, ct);
        Apply(dependency, input, provider);
        return await log.SaveAsync(dependency, unit.Path, ct);
    }

    // A new owner on the needing side and nothing else, for an open dependency (bulk reassignment from the register).
    public async Task<Dependency> ReassignAsync(Guid id, int expectedVersion, Guid ownerId, CancellationToken ct = default)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, PmoAction.Contribute, "reassign", ct);
        RefuseUnlessOpen(dependency);
        dependency.OwnerId = ownerId;
        return await log.SaveAsync(dependency, unit.Path, ct);
    }

    // A new date it is needed by and nothing else (set in bulk from the register, after a re-plan).
    public async Task<Dependency> RescheduleAsync(Guid id, int expectedVersion, DateOnly neededBy, CancellationToken ct = default)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, PmoAction.Contribute, "set the date needed of", ct);
        RefuseUnlessOpen(dependency);
        dependency.NeededBy = neededBy;
        return await log.SaveAsync(dependency, unit.Path, ct);
    }

    public Task<Dependency> DeliverAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        EndAsync(id, expectedVersion, RaidStatusSteps.DeliverDependency, DependencyStatus.Delivered, "mark delivered", reason, ct);

    public Task<Dependency> BreakAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        EndAsync(id, expectedVersion, RaidStatusSteps.BreakDependency, DependencyStatus.Broken, "mark broken", reason, ct);

    // Back on the open register: agreed when the provider has committed to a date, proposed otherwise; its
    // tolerances place it again (a hand escalation ended when it was delivered or broken).
    public async Task<Dependency> ReopenAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, PmoAction.Contribute, "reopen", ct);
        reason = RaidStatusSteps.ReopenDependency.Reason(reason);
        if (dependency.IsOpen)
        {
            throw new RecordStateConflictException($"{dependency.Reference} is open already.");
        }

        dependency.Status = dependency.CommittedDate is null ? DependencyStatus.Proposed : DependencyStatus.Agreed;
        dependency.StatusReason = reason;
        dependency.EscalatedByHand = false;
        dependency.EscalationReason = null;
        return await log.SaveAsync(dependency, unit.Path, ct);
    }

    private async Task<Dependency> EndAsync(Guid id, int expectedVersion, RaidStatusStep step, DependencyStatus status, string doing, string? reason, CancellationToken ct)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, step.Needs, doing, ct);
        reason = step.Reason(reason);
        RefuseUnlessOpen(dependency);
        dependency.Status = status;
        dependency.StatusReason = reason;
        dependency.EscalatedToId = null;
        return await log.SaveAsync(dependency, unit.Path, ct);
    }

    private static void RefuseUnlessOpen(Dependency dependency)
    {
        if (!dependency.IsOpen)
        {
            throw new RecordStateConflictException($"{dependency.Reference} is {RaidLabels.Of(dependency.Status).ToLowerInvariant()}. Reopen it first.");
        }
    }

    // Delivered and broken are steps with a reason of their own (and reopening one is too), not a field an
    // edit sets; an edit that leaves the status as it is, is fine.
    private static void RefuseEndingStatus(DependencyStatus? wanted, DependencyStatus current)
    {
        if (wanted is not { } status || status == current)
        {
            return;
        }

        var message = status is DependencyStatus.Delivered or DependencyStatus.Broken
            ? $"Mark a dependency {RaidLabels.Of(status).ToLowerInvariant()} with its own step, which asks why (POST …/{(status == DependencyStatus.Delivered ? "deliver" : "break")})"
            : current is DependencyStatus.Delivered or DependencyStatus.Broken
            ? $"The dependency is {RaidLabels.Of(current).ToLowerInvariant()}; reopen it, with a reason (POST …/reopen), before changing its status"
            : null;
        if (message is not null)
        {
            throw new ValidationException([new ValidationFailure("status", message)]);
        }
    }

    public Task<Dependency> EscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.EscalateAsync<Dependency>(id, expectedVersion, reason, d => d.IsOpen, ct);

    public Task<Dependency> DeEscalateAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        log.DeEscalateAsync<Dependency>(id, expectedVersion, reason, ct);

    // The providing unit must be one the actor can see, and not the needing unit itself.
    private async Task<Guid?> ValidateAsync(DependencyInput input, Guid needingUnitId, CancellationToken ct)
    {
        var failures = (await new DependencyInputValidator(db).ValidateAsync(input, ct)).Errors;
        Guid? provider = null;
        if (!string.IsNullOrWhiteSpace(input.ProviderUnit) && failures.All(f => f.PropertyName != nameof(DependencyInput.ProviderUnit)))
        {
            var found = await units.FindAsync(input.ProviderUnit, ct);
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
        Title = RaidLog.Blank(input.Title),
        Description = RaidLog.Blank(input.Description),
        ProviderUnit = RaidLog.Blank(input.ProviderUnit),
        ExternalParty = RaidLog.Blank(input.ExternalParty),
    };
}

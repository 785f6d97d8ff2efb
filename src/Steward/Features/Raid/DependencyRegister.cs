using FluentValidation;
using FluentValidation.Results;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

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
        var provider = await ValidateAsync(input, unit.Id, ct);
        var dependency = new Dependency { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = input.Title!, Status = DependencyStatus.Proposed };
        Apply(dependency, input, provider);
        return await log.AddAsync(db.Dependencies, dependency, unit.Path, ct);
    }

    public async Task<Dependency> UpdateAsync(Guid id, int expectedVersion, DependencyInput input, CancellationToken ct = default)
    {
        var (dependency, unit) = await log.LoadAsync<Dependency>(id, expectedVersion, PmoAction.Contribute, "change", ct);
        input = Normalise(input);
        var provider = await ValidateAsync(input, dependency.UnitId, ct);
        Apply(dependency, input, provider);
        return await log.SaveAsync(dependency, unit.Path, ct);
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

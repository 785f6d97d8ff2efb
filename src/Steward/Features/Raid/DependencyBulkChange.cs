using FluentValidation.Results;
using Steward.Data;

namespace Steward.Features.Raid;

// Dependencies chosen in a register and changed in one step: reassigned on the needing side, given a new
// date they are needed by (after a re-plan), or marked delivered with one reason. Action: reassign (with
// OwnerId), needed (with NeededBy) or deliver (with Reason). Only the needing side changes a dependency, so
// only those needed by this unit or a unit below it can be chosen.
public sealed record DependencyBulkInput(IReadOnlyList<string>? References, string? Action, Guid? OwnerId = null, DateOnly? NeededBy = null, string? Reason = null);

public sealed class DependencyBulkChange(StewardDbContext db, RaidBulkChange bulk, DependencyRegister register, DependencyQueries queries, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ApplyAsync(string unitKey, DependencyBulkInput input, CancellationToken ct = default)
    {
        var unit = await queries.RequireReadableUnitAsync(unitKey, ct);
        var failures = new List<ValidationFailure>();
        switch (input.Action)
        {
            case "reassign" when await RaidBulkFields.OwnerProblemAsync(db, input.OwnerId, "dependencies", ct) is { } problem:
                failures.Add(problem);
                break;
            case "needed" when RaidBulkFields.FutureDateProblem("neededBy", "the date they are needed by", input.NeededBy, clock) is { } problem:
                failures.Add(problem);
                break;
            case "deliver" when RaidStatusSteps.DeliverDependency.Problem(input.Reason) is { } problem:
                failures.Add(problem);
                break;
            case "reassign" or "needed" or "deliver":
                break;
            default:
                failures.Add(new ValidationFailure("action", "action must be reassign, needed or deliver"));
                break;
        }

        return await bulk.ApplyAsync<Dependency>(unit, Dependency.ReferencePrefix, "dependency", input.References, failures, (id, version) => input.Action switch
        {
            "reassign" => register.ReassignAsync(id, version, input.OwnerId!.Value, ct),
            "needed" => register.RescheduleAsync(id, version, input.NeededBy!.Value, ct),
            _ => register.DeliverAsync(id, version, input.Reason, ct),
        }, ct);
    }
}

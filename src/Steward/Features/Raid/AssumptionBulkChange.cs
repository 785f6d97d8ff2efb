using FluentValidation.Results;
using Steward.Data;

namespace Steward.Features.Raid;

// Assumptions chosen in a register and changed in one step: reassigned, given a date to validate them by, or
// validated with one reason (how they were confirmed). Action: reassign (with OwnerId), due (with
// ValidationDue) or validate (with Reason).
public sealed record AssumptionBulkInput(IReadOnlyList<string>? References, string? Action, Guid? OwnerId = null, DateOnly? ValidationDue = null, string? Reason = null);

public sealed class AssumptionBulkChange(StewardDbContext db, RaidBulkChange bulk, AssumptionRegister register, AssumptionQueries queries, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ApplyAsync(string unitKey, AssumptionBulkInput input, CancellationToken ct = default)
    {
        var unit = await queries.RequireReadableUnitAsync(unitKey, ct);
        var failures = new List<ValidationFailure>();
        switch (input.Action)
        {
            case "reassign" when await RaidBulkFields.OwnerProblemAsync(db, input.OwnerId, "assumptions", ct) is { } problem:
                failures.Add(problem);
                break;
            case "due" when RaidBulkFields.FutureDateProblem("validationDue", "the date to validate them by", input.ValidationDue, clock) is { } problem:
                failures.Add(problem);
                break;
            case "validate" when RaidStatusSteps.ValidateAssumption.Problem(input.Reason) is { } problem:
                failures.Add(problem);
                break;
            case "reassign" or "due" or "validate":
                break;
            default:
                failures.Add(new ValidationFailure("action", "action must be reassign, due or validate"));
                break;
        }

        return await bulk.ApplyAsync<Assumption>(unit, Assumption.ReferencePrefix, "assumption", input.References, failures, (id, version) => input.Action switch
        {
            "reassign" => register.ReassignAsync(id, version, input.OwnerId!.Value, ct),
            "due" => register.RescheduleValidationAsync(id, version, input.ValidationDue!.Value, ct),
            _ => register.ValidateAsync(id, version, input.Reason, ct),
        }, ct);
    }
}

using FluentValidation.Results;
using Steward.Data;

namespace Steward.Features.Raid;

// Issues chosen in a register and changed in one step: reassigned, given a target resolution date, or closed
// with one reason (each must have its resolution recorded). Action: reassign (with OwnerId), target (with
// TargetResolutionDate) or close (with Reason).
public sealed record IssueBulkInput(IReadOnlyList<string>? References, string? Action, Guid? OwnerId = null, DateOnly? TargetResolutionDate = null, string? Reason = null);

public sealed class IssueBulkChange(StewardDbContext db, RaidBulkChange bulk, IssueRegister register, IssueQueries queries, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ApplyAsync(string unitKey, IssueBulkInput input, CancellationToken ct = default)
    {
        var unit = await queries.RequireReadableUnitAsync(unitKey, ct);
        var failures = new List<ValidationFailure>();
        switch (input.Action)
        {
            case "reassign" when await RaidBulkFields.OwnerProblemAsync(db, input.OwnerId, "issues", ct) is { } problem:
                failures.Add(problem);
                break;
            case "target" when RaidBulkFields.FutureDateProblem("targetResolutionDate", "the target resolution date", input.TargetResolutionDate, clock) is { } problem:
                failures.Add(problem);
                break;
            case "close" when RaidStatusSteps.CloseIssue.Problem(input.Reason) is { } problem:
                failures.Add(problem);
                break;
            case "reassign" or "target" or "close":
                break;
            default:
                failures.Add(new ValidationFailure("action", "action must be reassign, target or close"));
                break;
        }

        return await bulk.ApplyAsync<Issue>(unit, Issue.ReferencePrefix, "issue", input.References, failures, (id, version) => input.Action switch
        {
            "reassign" => register.ReassignAsync(id, version, input.OwnerId!.Value, ct),
            "target" => register.RetargetAsync(id, version, input.TargetResolutionDate!.Value, ct),
            _ => register.CloseAsync(id, version, input.Reason, ct),
        }, ct);
    }
}

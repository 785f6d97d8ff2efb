using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Raid;

// Risks chosen in a register and changed in one step: reassigned, given a next review date, or closed
// with one reason. Action: reassign (with OwnerId), review (with NextReviewDate) or close (with Reason).
public sealed record RiskBulkInput(IReadOnlyList<string>? References, string? Action, Guid? OwnerId = null, DateOnly? NextReviewDate = null, string? Reason = null);

public sealed class RiskBulkChange(StewardDbContext db, RaidBulkChange bulk, RiskRegister register, RiskQueries queries, TimeProvider clock)
{
    public const int MaxRisks = RaidBulkChange.MaxEntries;

    public async Task<IReadOnlyList<string>> ApplyAsync(string unitKey, RiskBulkInput input, CancellationToken ct = default)
    {
        var unit = await queries.RequireReadableUnitAsync(unitKey, ct);
        var failures = new List<ValidationFailure>();
        switch (input.Action)
        {
            case "reassign" when await RaidBulkFields.OwnerProblemAsync(db, input.OwnerId, "risks", ct) is { } problem:
                failures.Add(problem);
                break;
            case "review" when RaidBulkFields.FutureDateProblem("nextReviewDate", "the next review date", input.NextReviewDate, clock) is { } problem:
                failures.Add(problem);
                break;
            case "close" when RaidStatusSteps.CloseRisk.Problem(input.Reason) is { } problem:
                failures.Add(problem);
                break;
            case "reassign" or "review" or "close":
                break;
            default:
                failures.Add(new ValidationFailure("action", "action must be reassign, review or close"));
                break;
        }

        return await bulk.ApplyAsync<Risk>(unit, Risk.ReferencePrefix, "risk", input.References, failures, (id, version) => input.Action switch
        {
            "reassign" => register.ReassignAsync(id, version, input.OwnerId!.Value, ct),
            "review" => register.ScheduleReviewAsync(id, version, input.NextReviewDate!.Value, ct),
            _ => register.CloseAsync(id, version, input.Reason, ct),
        }, ct);
    }
}

// The fields bulk changes share, checked before any entry is read.
internal static class RaidBulkFields
{
    public static async Task<ValidationFailure?> OwnerProblemAsync(StewardDbContext db, Guid? ownerId, string nouns, CancellationToken ct) =>
        ownerId is null ? new ValidationFailure("ownerId", $"Choose who will own the {nouns}")
        : !await db.People.AnyAsync(p => p.Id == ownerId, ct) ? new ValidationFailure("ownerId", $"No person has the id {ownerId}")
        : null;

    public static ValidationFailure? FutureDateProblem(string field, string label, DateOnly? date, TimeProvider clock) =>
        date is null ? new ValidationFailure(field, $"Enter {label}")
        : date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) ? new ValidationFailure(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be in the future")
        : null;
}

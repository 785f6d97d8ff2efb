using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Risks chosen in a register and changed in one step: reassigned, given a next review date, or closed
// with one reason. Action: reassign (with OwnerId), review (with NextReviewDate) or close (with Reason).
public sealed record RiskBulkInput(IReadOnlyList<string>? References, string? Action, Guid? OwnerId = null, DateOnly? NextReviewDate = null, string? Reason = null);

// The risks a bulk change changed, in reference order.
public sealed record RiskBulkResult(IReadOnlyList<string> Changed);

// All or nothing, as a weekly RAID review expects: each risk goes through the register's own step (its
// rights, its unit's status, its state), in one transaction; if any risk cannot be changed, none is, and
// every refusal is named by reference.
public sealed class RiskBulkChange(StewardDbContext db, RiskRegister register, RiskQueries queries, TimeProvider clock)
{
    public const int MaxRisks = 200;

    public async Task<IReadOnlyList<string>> ApplyAsync(string unitKey, RiskBulkInput input, CancellationToken ct = default)
    {
        var unit = await queries.RequireReadableUnitAsync(unitKey, ct);
        var failures = await CheckAsync(input, ct);
        var numbers = new List<int>();
        foreach (var reference in input.References ?? [])
        {
            if (EntryReference.Parse(Risk.ReferencePrefix, reference) is { } number)
            {
                numbers.Add(number);
            }
            else
            {
                failures.Add(new ValidationFailure("references", $"{reference} is not a risk reference (R-0042)"));
            }
        }

        var risks = await db.Risks.AsNoTracking().Where(r => numbers.Contains(r.Number) && r.Unit!.Path.StartsWith(unit.Path))
            .OrderBy(r => r.Number).Select(r => new { r.Id, r.Number, r.Version }).ToListAsync(ct);
        failures.AddRange(numbers.Distinct().Where(n => risks.All(r => r.Number != n))
            .Select(n => new ValidationFailure("references", $"{EntryReference.Format(Risk.ReferencePrefix, n)} is not in the risk register of {unit.Code}")));
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var risk in risks)
        {
            try
            {
                await (input.Action switch
                {
                    "reassign" => register.ReassignAsync(risk.Id, risk.Version, input.OwnerId!.Value, ct),
                    "review" => register.ScheduleReviewAsync(risk.Id, risk.Version, input.NextReviewDate!.Value, ct),
                    _ => register.CloseAsync(risk.Id, risk.Version, input.Reason, ct),
                });
            }
            catch (Exception refused) when (refused is RecordStateConflictException or AccessDeniedException or StaleVersionException or RecordNotFoundException)
            {
                // Said of every risk that cannot be changed, not only the first; the transaction is not committed.
                failures.Add(new ValidationFailure("references", refused.Message.StartsWith(EntryReference.Format(Risk.ReferencePrefix, risk.Number), StringComparison.Ordinal)
                    ? refused.Message : $"{EntryReference.Format(Risk.ReferencePrefix, risk.Number)}: {refused.Message}"));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await transaction.CommitAsync(ct);
        return risks.Select(r => EntryReference.Format(Risk.ReferencePrefix, r.Number)).ToList();
    }

    // Every field's problem at once, before any risk is read.
    private async Task<List<ValidationFailure>> CheckAsync(RiskBulkInput input, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var count = input.References?.Count(r => !string.IsNullOrWhiteSpace(r)) ?? 0;
        if (count == 0)
        {
            failures.Add(new ValidationFailure("references", "Choose at least one risk"));
        }
        else if (count > MaxRisks)
        {
            failures.Add(new ValidationFailure("references", $"Choose at most {MaxRisks} risks at a time"));
        }

        switch (input.Action)
        {
            case "reassign" when input.OwnerId is null:
                failures.Add(new ValidationFailure("ownerId", "Choose who will own the risks"));
                break;
            case "reassign" when !await db.People.AnyAsync(p => p.Id == input.OwnerId, ct):
                failures.Add(new ValidationFailure("ownerId", $"No person has the id {input.OwnerId}"));
                break;
            case "review" when input.NextReviewDate is null:
                failures.Add(new ValidationFailure("nextReviewDate", "Enter the next review date"));
                break;
            case "review" when input.NextReviewDate <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):
                failures.Add(new ValidationFailure("nextReviewDate", "The next review date must be in the future"));
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

        return failures;
    }
}

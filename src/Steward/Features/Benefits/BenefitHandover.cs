using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

public sealed record HandoverInput(
    [property: Description("The benefit, B-0007, held at or below the unit.")] string? Reference,
    [property: Description("Its business-as-usual owner from now on: a person in Steward (their id).")] Guid? OwnerId);

public sealed record HandoverCandidate(string Reference, UnitRef Unit, string Title, PersonRef? Owner, DateOnly? HandedOverOn);

// Close-out's question about benefits: tracking goes on once the enabling unit closes, so each benefit
// still open (not realised, not given up) is handed to a business-as-usual owner, and when is recorded.
public sealed class BenefitHandover(StewardDbContext db, RegisterUnits units, TimeProvider clock) : ICloseOutQuestion
{
    private static readonly BenefitStatus[] Finished = [BenefitStatus.Realised, BenefitStatus.NotRealised, BenefitStatus.Withdrawn];

    public async Task<IReadOnlyList<HandoverCandidate>> CandidatesAsync(IUnitLocation unit, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var rows = await db.Benefits.AsNoTracking().Where(b => below.Contains(b.UnitId) && !Finished.Contains(b.Status)).OrderBy(b => b.Number).Take(RegisterPage.MaxLimit)
            .Select(b => new
            {
                b.Number, b.Title, b.HandedOverOn, Unit = new UnitRef(b.Unit!.Id, b.Unit.Code, b.Unit.Name, b.Unit.Kind),
                Owner = b.Owner == null ? null : new PersonRef(b.Owner.Id, b.Owner.Name, b.Owner.Email),
            })
            .ToListAsync(ct);
        return rows.Select(r => new HandoverCandidate(EntryReference.Format(Benefit.ReferencePrefix, r.Number), r.Unit, r.Title, r.Owner, r.HandedOverOn)).ToList();
    }

    public async Task<CloseOutPrompt?> AskAsync(UnitView unit, CancellationToken ct)
    {
        var below = db.IdsUnder(unit.Path);
        var open = await db.Benefits.CountAsync(b => below.Contains(b.UnitId) && !Finished.Contains(b.Status) && b.HandedOverOn == null, ct);
        return open == 0 ? null : new CloseOutPrompt(
            $"{open} {(open == 1 ? "benefit is" : "benefits are")} still to be realised and will be tracked after {unit.Code} closes: say who in the business owns {(open == 1 ? "it" : "each")} from now on.",
            "Hand over the benefits", BenefitsLinks.Handover(unit.Code));
    }

    // All or nothing: every benefit named must be open at or below the unit, and every owner a person.
    public async Task<int> HandOverAsync(string unitKey, IReadOnlyList<HandoverInput> items, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Amend, "hand over the benefits of", BenefitService.Register, ct);
        var below = db.IdsUnder(unit.Path);
        var failures = new List<ValidationFailure>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var changed = new List<Benefit>();
        for (var i = 0; i < items.Count; i++)
        {
            var (reference, owner) = (items[i].Reference?.Trim() ?? string.Empty, items[i].OwnerId);
            var number = EntryReference.Parse(Benefit.ReferencePrefix, reference);
            var benefit = number is null ? null : await db.Benefits.FirstOrDefaultAsync(b => b.Number == number && below.Contains(b.UnitId), ct);
            if (benefit is null)
            {
                failures.Add(new ValidationFailure($"benefits[{i}].reference", $"There is no benefit '{reference}' at or below {unit.Code}"));
            }
            else if (Finished.Contains(benefit.Status))
            {
                failures.Add(new ValidationFailure($"benefits[{i}].reference", $"{benefit.Reference} is {BenefitLabels.Of(benefit.Status).ToLowerInvariant()}: there is nothing left to hand over"));
            }

            if (owner is not { } person || !await db.People.AnyAsync(p => p.Id == person, ct))
            {
                failures.Add(new ValidationFailure($"benefits[{i}].ownerId", $"Choose who owns {reference} from now on: a person in Steward"));
            }

            if (benefit is not null)
            {
                (benefit.OwnerId, benefit.HandedOverOn) = (owner, today);
                changed.Add(benefit);
            }
        }

        if (items.Count == 0)
        {
            failures.Add(new ValidationFailure("benefits", "Name at least one benefit to hand over"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await db.SaveChangesAsync(ct);
        return changed.Count;
    }
}

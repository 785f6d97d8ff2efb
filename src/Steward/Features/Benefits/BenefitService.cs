using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// Recording and changing benefits: every field checked and every mistake reported against its field
// before anything is written; a change is against the version the caller read.
public sealed class BenefitService(
    StewardDbContext db, RegisterUnits units, RegisterEntries entries, UnitPaths locations, AccessPolicy access, BenefitRealisationStore realisation, BenefitRelatedItems relatedItems,
    History.ChangeContext who, TimeProvider clock)
{
    public const string Register = "benefits register";

    public async Task<Benefit> RecordAsync(string unitKey, BenefitInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "record benefits on", Register, ct);
        var benefit = new Benefit { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = string.Empty };
        await ApplyAsync(benefit, input, ct);
        await realisation.StageAsync(benefit, null, ct);
        return await db.AddNumberedAsync(db.Benefits, benefit, ct);
    }

    public async Task<Benefit> UpdateAsync(Guid id, int expectedVersion, BenefitInput input, CancellationToken ct = default)
    {
        var (benefit, _) = await entries.LoadAsync(db.Benefits.Include(b => b.Profile).Include(b => b.Related), PmoArea.Benefits, PmoAction.Contribute, id, expectedVersion, "change", Register, ct);
        await ApplyAsync(benefit, input, ct);
        await realisation.StageAsync(benefit, null, ct);
        db.Entry(benefit).State = EntityState.Modified;
        await entries.SaveAsync(benefit.Reference, expectedVersion, ct);
        return benefit;
    }

    // What recording this benefit would refuse, without recording it (an import checks every row first).
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(BenefitInput input, CancellationToken ct = default)
    {
        try
        {
            await ApplyAsync(new Benefit { Id = Guid.Empty, Title = string.Empty }, input with { Profile = null }, ct);
            return [];
        }
        catch (ValidationException invalid)
        {
            return invalid.Errors.ToList();
        }
    }

    private async Task ApplyAsync(Benefit benefit, BenefitInput input, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var title = Text("title", input.Title, Benefit.TitleMaxLength, failures, required: true);
        var category = Choice<BenefitCategory>("category", input.Category, failures, required: true);
        var nature = Choice<BenefitNature>("nature", input.Nature, failures) ?? BenefitNature.Quantitative;
        var kind = Choice<BenefitClass>("class", input.Class, failures, required: true);
        var direction = Choice<MeasureDirection>("direction", input.Direction, failures) ?? MeasureDirection.HigherIsBetter;
        var frequency = Choice<MeasurementFrequency>("frequency", input.Frequency, failures);
        var confidence = Choice<BenefitConfidence>("confidence", input.Confidence, failures);
        var status = Choice<BenefitStatus>("status", input.Status, failures) ?? BenefitStatus.Identified;
        if (input.BaselineDate is { } baseline && input.TargetDate is { } target && target < baseline)
        {
            failures.Add(new ValidationFailure("targetDate", $"The target date {UkFormat.Date(target)} is before the baseline date {UkFormat.Date(baseline)}: a benefit is reached after it is measured from"));
        }

        long? monetised = null;
        if (input.MonetisedValue is { } value && !string.IsNullOrWhiteSpace(value.Text))
        {
            if (Money.TryParse(value.Text, out var money, out var problem))
            {
                monetised = money.Pence;
            }
            else
            {
                failures.Add(new ValidationFailure("monetisedValue", problem!));
            }
        }

        if (input.OwnerId is { } owner && !await db.People.AnyAsync(p => p.Id == owner, ct))
        {
            failures.Add(new ValidationFailure("ownerId", "The benefit owner must be a person in Steward: add them under People first"));
        }

        Guid? owningUnit = null;
        if (!string.IsNullOrWhiteSpace(input.OwningUnit))
        {
            var key = input.OwningUnit.Trim();
            var id = Guid.TryParse(key, out var g) ? g : Guid.Empty;
            owningUnit = await db.Units.Where(u => u.Code == key || u.Id == id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (owningUnit is null)
            {
                failures.Add(new ValidationFailure("owningUnit", $"There is no unit '{key}'"));
            }
        }

        var profile = input.Profile is null ? null : Profile(input.Profile, input.BaselineDate, input.TargetDate, failures);
        var related = input.Related is null ? null : await relatedItems.ResolveAsync(input.Related, failures, ct);
        benefit.Description = Text("description", input.Description, Benefit.TextMaxLength, failures);
        benefit.Kpi = Text("kpi", input.Kpi, Benefit.KpiMaxLength, failures);
        benefit.UnitOfMeasure = Text("unitOfMeasure", input.UnitOfMeasure, Benefit.UnitOfMeasureMaxLength, failures);
        benefit.MeasuredBy = Text("measuredBy", input.MeasuredBy, Benefit.MeasuredByMaxLength, failures);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        benefit.Title = title!;
        (benefit.Category, benefit.Nature, benefit.Class, benefit.Direction, benefit.Frequency, benefit.Confidence, benefit.Status) =
            (category!.Value, nature, kind!.Value, direction, frequency, confidence, status);
        (benefit.OwnerId, benefit.OwningUnitId, benefit.IsDisbenefit, benefit.MonetisedValue) = (input.OwnerId, owningUnit, input.IsDisbenefit, monetised);
        (benefit.BaselineValue, benefit.BaselineDate, benefit.TargetValue, benefit.TargetDate) = (input.BaselineValue, input.BaselineDate, input.TargetValue, input.TargetDate);
        if (related is not null && benefit.Id != Guid.Empty)
        {
            // Items kept by reference keep their rows; the rest are replaced.
            foreach (var gone in benefit.Related.Where(r => related.All(n => n.Reference != r.Reference)).ToList())
            {
                benefit.Related.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (reference, itemId) in related.Where(n => benefit.Related.All(r => r.Reference != n.Reference)))
            {
                var added = new BenefitRelatedItem { Id = Guid.CreateVersion7(), BenefitId = benefit.Id, Reference = reference, ItemId = itemId };
                benefit.Related.Add(added);
                db.Add(added);
            }
        }

        if (profile is not null)
        {
            // Points kept by date keep their history; the rest are replaced.
            foreach (var gone in benefit.Profile.Where(p => !profile.Any(n => n.On == p.On)).ToList())
            {
                benefit.Profile.Remove(gone);
                db.Remove(gone);
            }

            foreach (var point in profile)
            {
                var held = benefit.Profile.FirstOrDefault(p => p.On == point.On);
                if (held is null)
                {
                    // Added explicitly: a new point with its id already set would otherwise be taken for one to update.
                    var added = new BenefitProfilePoint { Id = Guid.CreateVersion7(), BenefitId = benefit.Id, On = point.On, Value = point.Value, Money = point.Money };
                    benefit.Profile.Add(added);
                    db.Add(added);
                }
                else
                {
                    (held.Value, held.Money) = (point.Value, point.Money);
                }
            }
        }
    }

    // A value of the measure. Allowed whatever the unit's status: benefits are tracked after the project
    // that enabled them has closed, and after it is archived.
    public async Task<BenefitMeasurement> RecordMeasurementAsync(Guid benefitId, MeasurementInput input, CancellationToken ct = default)
    {
        var benefit = await db.Benefits.AsNoTracking().Where(b => b.Id == benefitId).Select(b => new { b.Id, b.UnitId, b.Number, b.OwnerId }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("benefit", benefitId.ToString());
        var reference = EntryReference.Format(Benefit.ReferencePrefix, benefit.Number);

        // Its owner may, whatever roles they hold (a read-only token may not); anyone else needs the role.
        var owns = !access.IsReadOnly && benefit.OwnerId is { } owner && await ActingPerson.IdAsync(db, who, ct) == owner;
        if (!owns)
        {
            var unit = await locations.FindAsync(db, benefit.UnitId.ToString(), ct);
            if (unit is null || !await access.CanAsync(PmoArea.Benefits, PmoAction.Read, unit.Path, ct))
            {
                throw new RecordNotFoundException("benefit", reference);
            }

            await access.DemandAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, $"record measurements of {reference} (its owner may, as may a role that contributes benefits)", ct);
        }

        var failures = new List<ValidationFailure>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.MeasuredOn is not { } on)
        {
            failures.Add(new ValidationFailure("measuredOn", "Give the date it was measured"));
        }
        else if (on > today)
        {
            failures.Add(new ValidationFailure("measuredOn", $"{UkFormat.Date(on)} is in the future: record a measurement once it has been taken"));
        }

        if (input.Value is null)
        {
            failures.Add(new ValidationFailure("value", "Give the value measured"));
        }

        var evidence = Text("evidence", input.Evidence, BenefitMeasurement.EvidenceMaxLength, failures);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var measurement = new BenefitMeasurement
        {
            Id = Guid.CreateVersion7(), BenefitId = benefit.Id, MeasuredOn = input.MeasuredOn!.Value, Value = input.Value!.Value, Evidence = evidence, RecordedBy = who.Actor,
        };
        db.BenefitMeasurements.Add(measurement);
        await realisation.StageAsync(await db.Benefits.AsNoTracking().Include(b => b.Profile).FirstAsync(b => b.Id == benefit.Id, ct), measurement, ct);
        await db.SaveChangesAsync(ct);
        return measurement;
    }

    private sealed record CheckedPoint(DateOnly On, decimal Value, long? Money);

    private static List<CheckedPoint> Profile(List<ProfilePointInput> points, DateOnly? from, DateOnly? to, List<ValidationFailure> failures)
    {
        var result = new List<CheckedPoint>();
        for (var i = 0; i < points.Count; i++)
        {
            var field = $"profile[{i}]";
            var point = points[i];
            if (point.On is not { } on)
            {
                failures.Add(new ValidationFailure($"{field}.on", "Give the date the value should be reached by"));
                continue;
            }

            if ((from is { } start && on < start) || (to is { } end && on > end))
            {
                failures.Add(new ValidationFailure($"{field}.on",
                    $"{UkFormat.Date(on)} is outside the benefit's timescale ({UkFormat.Date(from)} to {UkFormat.Date(to)}): a profile runs from the baseline to the target"));
                continue;
            }

            if (result.Any(p => p.On == on))
            {
                failures.Add(new ValidationFailure($"{field}.on", $"{UkFormat.Date(on)} is in the profile twice"));
                continue;
            }

            if (point.Value is not { } value)
            {
                failures.Add(new ValidationFailure($"{field}.value", "Give the value planned by then"));
                continue;
            }

            long? money = null;
            if (point.Money is { } text && !string.IsNullOrWhiteSpace(text.Text))
            {
                if (Money.TryParse(text.Text, out var m, out var problem))
                {
                    money = m.Pence;
                }
                else
                {
                    failures.Add(new ValidationFailure($"{field}.money", problem!));
                }
            }

            result.Add(new CheckedPoint(on, value, money));
        }

        return result.OrderBy(p => p.On).ToList();
    }

    private static string? Text(string field, string? text, int max, List<ValidationFailure> failures, bool required = false)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                failures.Add(new ValidationFailure(field, "Enter a title for the benefit"));
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            failures.Add(new ValidationFailure(field, $"Must be {max} characters or fewer, not {trimmed.Length}"));
        }

        return trimmed;
    }

    private static T? Choice<T>(string field, string? text, List<ValidationFailure> failures, bool required = false) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                failures.Add(new ValidationFailure(field, $"Choose one of: {string.Join(", ", EnumText.All<T>())}"));
            }

            return null;
        }

        try
        {
            return EnumText.ParseOptional<T>(field, text);
        }
        catch (ValidationException invalid)
        {
            failures.AddRange(invalid.Errors);
            return null;
        }
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// Recording and changing benefits: every field checked and every mistake reported against its field
// before anything is written; a change is against the version the caller read.
public sealed class BenefitService(StewardDbContext db, RegisterUnits units, RegisterEntries entries)
{
    public const string Register = "benefits register";

    public async Task<Benefit> RecordAsync(string unitKey, BenefitInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "record benefits on", Register, ct);
        var benefit = new Benefit { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = string.Empty };
        await ApplyAsync(benefit, input, ct);
        return await db.AddNumberedAsync(db.Benefits, benefit, ct);
    }

    public async Task<Benefit> UpdateAsync(Guid id, int expectedVersion, BenefitInput input, CancellationToken ct = default)
    {
        var (benefit, _) = await entries.LoadAsync<Benefit>(PmoArea.Benefits, PmoAction.Contribute, id, expectedVersion, "change", Register, ct);
        await ApplyAsync(benefit, input, ct);
        db.Entry(benefit).State = EntityState.Modified;
        await entries.SaveAsync(benefit.Reference, expectedVersion, ct);
        return benefit;
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

using FluentValidation;
using FluentValidation.Results;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Delivery confidence assessed from outside the unit, kept apart from the SRO's own on its reports.
public sealed class IndependentAssessments(StewardDbContext db, RegisterUnits units, ReportingRuleBook rules, ChangeContext who, TimeProvider clock)
{
    // An assessment from outside the unit (the IPA's or departmental assurance's), on the portfolio's scale.
    public async Task<IndependentDca> RecordIndependentAsync(string unitKey, IndependentDcaInput input, CancellationToken ct = default)
    {
        // Approve on assurance: an assurance role's judgement (or the PMO's), not the delivery team's, who contribute to assurance.
        var unit = await units.ChangeableAsync(PmoArea.Assurance, PmoAction.Approve, unitKey, RecordChange.Add, "record independent delivery confidence assessments of", StatusReportService.Register, ct);
        var scale = (await rules.ForAsync(unit, ct)).Scale;
        var failures = new List<ValidationFailure>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.AssessedOn is not { } on)
        {
            failures.Add(new ValidationFailure("assessedOn", "Give the date of the assessment"));
        }
        else if (on > today)
        {
            failures.Add(new ValidationFailure("assessedOn", $"{UkFormat.Date(on)} is in the future: record an assessment once it has been made"));
        }

        AssessmentSource? source = null;
        try
        {
            source = EnumText.ParseOptional<AssessmentSource>("source", input.Source);
        }
        catch (ValidationException invalid)
        {
            failures.AddRange(invalid.Errors);
        }

        if (source is null && !failures.Any(f => f.PropertyName == "source"))
        {
            failures.Add(new ValidationFailure("source", "Say who assessed it: ipa or departmental"));
        }

        var rating = Enum.GetValues<DcaRating>().Where(r => string.Equals(EnumText.Of(r), input.Rating?.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<DcaRating?>().FirstOrDefault();
        if (rating is null || !DeliveryConfidence.OnScale(rating.Value, scale))
        {
            failures.Add(new ValidationFailure("rating", $"Give a rating on the {DeliveryConfidence.Label(scale)} scale: {string.Join(", ", Enum.GetValues<DcaRating>().Where(r => DeliveryConfidence.OnScale(r, scale)).Select(EnumText.Of))}"));
        }

        var comment = ReportText.Clean("comment", input.Comment, IndependentDca.CommentMaxLength, failures);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var dca = new IndependentDca
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, AssessedOn = input.AssessedOn!.Value, Source = source!.Value, Rating = rating!.Value, Scale = scale, Comment = comment, RecordedBy = who.Actor,
        };
        db.IndependentDcas.Add(dca);
        await db.SaveChangesAsync(ct);
        return dca;
    }
}

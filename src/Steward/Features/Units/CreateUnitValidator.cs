using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Units;

internal sealed class CreateUnitValidator : AbstractValidator<CreateUnit>
{
    public CreateUnitValidator(StewardDbContext db)
    {
        RuleFor(u => u.Code).Code();
        RuleFor(u => u.Code)
            .MustAsync(async (code, ct) => !await db.Units.AnyAsync(u => u.Code == code, ct))
            .When(u => !string.IsNullOrEmpty(u.Code))
            .WithMessage(u => $"A unit with the code {u.Code} already exists");
        RuleFor(u => u.Name).Name();
        RuleFor(u => u.Kind).NotNull().WithMessage("Choose whether this is a portfolio, programme or project");
        RuleFor(u => u.Description).LongText("Description");
        RuleFor(u => u.Aims).LongText("Aims");
        RuleFor(u => u.Stage).OpenStage();
        this.PlausibleDate(u => u.BaselineStart, "Baseline start date");
        this.PlausibleDate(u => u.BaselineEnd, "Baseline end date");
        this.PlausibleDate(u => u.ForecastStart, "Forecast start date");
        this.PlausibleDate(u => u.ForecastEnd, "Forecast end date");
        this.EndNotBeforeStart(u => u.BaselineStart, u => u.BaselineEnd, "Baseline");
        this.EndNotBeforeStart(u => u.ForecastStart, u => u.ForecastEnd, "Forecast");
        this.PeopleExist(db, u => u.SroId, u => u.ManagerId, u => u.PmoContactId);

        RuleFor(u => u.ParentId).CustomAsync(async (parentId, context, ct) =>
        {
            if (context.InstanceToValidate.Kind is not { } kind)
            {
                return;
            }

            var parent = parentId is { } id
                ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Kind, u.Status, u.Code }).FirstOrDefaultAsync(ct)
                : null;
            if (parentId is not null && parent is null)
            {
                context.AddFailure($"No unit has the id {parentId}");
            }
            else if (UnitHierarchyRules.WhyNotUnder(kind, parent?.Kind) is { } reason)
            {
                context.AddFailure(reason);
            }
            else if (parent is not null && parent.Status is UnitStatus.Closed or UnitStatus.Archived)
            {
                context.AddFailure($"{parent.Code} is {parent.Status.ToString().ToLowerInvariant()}; choose an open parent");
            }
        });
    }
}

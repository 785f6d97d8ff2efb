using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Units;

internal sealed class UpdateUnitValidator : AbstractValidator<UpdateUnit>
{
    public UpdateUnitValidator(StewardDbContext db, Guid unitId)
    {
        RuleFor(u => u.Code).Code();
        RuleFor(u => u.Code)
            .MustAsync(async (code, ct) => !await db.Units.AnyAsync(u => u.Code == code && u.Id != unitId, ct))
            .When(u => !string.IsNullOrEmpty(u.Code))
            .WithMessage(u => $"A unit with the code {u.Code} already exists");
        RuleFor(u => u.Name).Name();
        RuleFor(u => u.Category).NotNull().WithMessage("Choose a category");
        RuleFor(u => u.Stage).NotNull().WithMessage("Choose a lifecycle stage");
        RuleFor(u => u.Stage).OpenStage();
        RuleFor(u => u.Status)
            .Must(s => s is null or UnitStatus.Active or UnitStatus.Paused)
            .WithMessage("Status can be changed here only to active or paused; use close or archive for the others");
        RuleFor(u => u.Description).LongText("Description");
        RuleFor(u => u.Aims).LongText("Aims");
        this.PlausibleDate(u => u.BaselineStart, "Baseline start date");
        this.PlausibleDate(u => u.BaselineEnd, "Baseline end date");
        this.PlausibleDate(u => u.ForecastStart, "Forecast start date");
        this.PlausibleDate(u => u.ForecastEnd, "Forecast end date");
        this.EndNotBeforeStart(u => u.BaselineStart, u => u.BaselineEnd, "Baseline");
        this.EndNotBeforeStart(u => u.ForecastStart, u => u.ForecastEnd, "Forecast");
        this.PeopleExist(db, u => u.SroId, u => u.ManagerId, u => u.PmoContactId);
    }
}

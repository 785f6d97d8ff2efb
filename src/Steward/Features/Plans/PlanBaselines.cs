using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// A plan's baselines: the dates it was approved against, up to 11 of them, as Microsoft Project keeps.
public sealed class PlanBaselines(StewardDbContext db, PlanStore store, TimeProvider clock)
{
    // Up to 11 per plan. Without a number the lowest free one is used; with one, that baseline is replaced.
    public async Task<PlanBaseline> SetAsync(string unitKey, BaselineInput input, CancellationToken ct = default)
    {
        var unit = await store.OpenUnitAsync(unitKey, "set a baseline of the plan of", ct);
        new BaselineInputValidator().ValidateAndThrow(input);
        var plan = await store.LoadAsync(unit.Id, ct);
        if (plan is null || plan.Tasks.Count == 0)
        {
            throw new RecordStateConflictException($"{unit.Code} has no plan yet; import or add tasks before setting a baseline.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.PlanBaselines.Where(b => b.PlanId == plan.Id).Select(b => new { b.Id, b.Number }).ToListAsync(ct);
        var number = input.Number ?? Enumerable.Range(0, PlanBaseline.MaxPerPlan).Cast<int?>().FirstOrDefault(n => taken.All(b => b.Number != n))
            ?? throw PlanStore.Invalid("number", $"The plan already has {PlanBaseline.MaxPerPlan} baselines, the most it can keep; give the number (0 to 10) of the one to replace");
        if (taken.FirstOrDefault(b => b.Number == number) is { } replaced)
        {
            await db.PlanBaselines.Where(b => b.Id == replaced.Id).ExecuteDeleteAsync(ct);
        }

        var baseline = new PlanBaseline
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, Number = number, Name = input.Name!.Trim(), Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            SetBy = db.ChangeContext.Actor, SetAt = clock.GetUtcNow().UtcDateTime,
            Tasks = plan.Tasks.Where(t => t.EarlyStart is not null).Select(t => new BaselineTask
            {
                Id = Guid.CreateVersion7(), Uid = t.Uid, Start = t.EarlyStart!.Value, Finish = t.EarlyFinish!.Value, DurationMinutes = t.DurationMinutes,
            }).ToList(),
        };
        db.PlanBaselines.Add(baseline);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return baseline;
    }

}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;
using Steward.Features.People;

namespace Steward.Features.Plans;

internal sealed class UnitPlanConfiguration : IEntityTypeConfiguration<UnitPlan>
{
    public void Configure(EntityTypeBuilder<UnitPlan> plan)
    {
        plan.ToTable("plans");
        plan.HasIndex(p => p.UnitId).IsUnique();
        plan.Property(p => p.Name).HasMaxLength(UnitPlan.NameMaxLength);
        // Tasks and links are kept on the plan by PlanStore, not by EF: fixing up a collection navigation
        // scans the list for each row it adds, which cost 100-170 ms on every load of a 5,000-task plan.
        plan.Ignore(p => p.Tasks);
        plan.Ignore(p => p.Links);
        plan.HasMany<PlannedTask>().WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany<TaskLink>().WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.Property(p => p.Finish).HasAnnotation(HistoryAnnotations.Derived, true);
        plan.Property(p => p.ScheduledAt).HasAnnotation(HistoryAnnotations.Derived, true);
        plan.Property(p => p.ScheduleRevision).HasAnnotation(HistoryAnnotations.Derived, true).IsConcurrencyToken();
    }
}

internal sealed class PlannedTaskConfiguration : IEntityTypeConfiguration<PlannedTask>
{
    // Worked out by the scheduler from the recorded fields; milestone drift keeps what matters of them.
    private static readonly string[] Schedule =
    [
        nameof(PlannedTask.EarlyStart), nameof(PlannedTask.EarlyFinish), nameof(PlannedTask.LateStart), nameof(PlannedTask.LateFinish),
        nameof(PlannedTask.TotalFloatMinutes), nameof(PlannedTask.FreeFloatMinutes), nameof(PlannedTask.Critical), nameof(PlannedTask.Summary),
    ];

    public void Configure(EntityTypeBuilder<PlannedTask> task)
    {
        task.ToTable("plan_tasks");
        task.HasIndex(t => new { t.PlanId, t.Uid }).IsUnique();
        task.HasIndex(t => new { t.PlanId, t.Position });
        task.HasIndex(t => new { t.Milestone, t.ReportingLevel });
        task.Property(t => t.Name).HasMaxLength(PlannedTask.NameMaxLength);
        task.Property(t => t.Owner).HasMaxLength(PlannedTask.OwnerMaxLength);
        task.HasOne<Person>().WithMany().HasForeignKey(t => t.OwnerPersonId);
        task.Property(t => t.Resources).HasMaxLength(PlannedTask.ResourcesMaxLength);
        foreach (var field in Schedule)
        {
            task.Property(field).HasAnnotation(HistoryAnnotations.Derived, true);
        }
    }
}

internal sealed class TaskLinkConfiguration : IEntityTypeConfiguration<TaskLink>
{
    public void Configure(EntityTypeBuilder<TaskLink> link)
    {
        link.ToTable("plan_links");
        link.HasIndex(l => new { l.PlanId, l.SuccessorUid, l.PredecessorUid }).IsUnique();
    }
}

internal sealed class CrossUnitLinkConfiguration : IEntityTypeConfiguration<CrossUnitLink>
{
    public void Configure(EntityTypeBuilder<CrossUnitLink> link)
    {
        link.ToTable("plan_cross_unit_links");
        link.HasIndex(l => new { l.PlanId, l.SuccessorUid, l.PredecessorPlanId, l.PredecessorUid }).IsUnique();
        link.HasIndex(l => new { l.PredecessorPlanId, l.PredecessorUid });
        link.HasOne<UnitPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanBaselineConfiguration : IEntityTypeConfiguration<PlanBaseline>
{
    public void Configure(EntityTypeBuilder<PlanBaseline> baseline)
    {
        baseline.ToTable("plan_baselines");
        baseline.HasIndex(b => new { b.PlanId, b.Number }).IsUnique();
        baseline.Property(b => b.Name).HasMaxLength(PlanBaseline.NameMaxLength);
        baseline.Property(b => b.Reason).HasMaxLength(PlanBaseline.ReasonMaxLength);
        baseline.Property(b => b.SetBy).HasMaxLength(200);
        baseline.HasOne<UnitPlan>().WithMany().HasForeignKey(b => b.PlanId).OnDelete(DeleteBehavior.Cascade);
        baseline.HasMany(b => b.Tasks).WithOne().HasForeignKey(t => t.BaselineId).OnDelete(DeleteBehavior.Cascade);
    }
}

// A baseline's dates are a copy of the schedule when it was set; its header records who and why.
internal sealed class BaselineTaskConfiguration : IEntityTypeConfiguration<BaselineTask>
{
    public void Configure(EntityTypeBuilder<BaselineTask> task)
    {
        task.ToTable("plan_baseline_tasks");
        task.HasIndex(t => new { t.BaselineId, t.Uid }).IsUnique();
        foreach (var field in new[] { nameof(BaselineTask.BaselineId), nameof(BaselineTask.Uid), nameof(BaselineTask.Start), nameof(BaselineTask.Finish), nameof(BaselineTask.DurationMinutes) })
        {
            task.Property(field).HasAnnotation(HistoryAnnotations.Derived, true);
        }
    }
}

// Itself a history of forecasts, so not recorded twice.
internal sealed class MilestoneForecastConfiguration : IEntityTypeConfiguration<MilestoneForecast>
{
    public void Configure(EntityTypeBuilder<MilestoneForecast> forecast)
    {
        forecast.ToTable("milestone_forecasts");
        forecast.HasIndex(f => new { f.TaskId, f.RecordedAt });
        forecast.HasIndex(f => new { f.UnitId, f.RecordedAt });
        forecast.HasOne(f => f.Task).WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        forecast.HasOne<Units.DeliveryUnit>().WithMany().HasForeignKey(f => f.UnitId);
        foreach (var field in new[] { nameof(MilestoneForecast.TaskId), nameof(MilestoneForecast.UnitId), nameof(MilestoneForecast.RecordedAt), nameof(MilestoneForecast.Forecast), nameof(MilestoneForecast.Previous) })
        {
            forecast.Property(field).HasAnnotation(HistoryAnnotations.Derived, true);
        }
    }
}

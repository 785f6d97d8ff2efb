using Microsoft.EntityFrameworkCore;
using Steward.Features.Plans;

namespace Steward.Data;

// The tables of plans: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<UnitPlan> Plans => Set<UnitPlan>();
    public DbSet<PlannedTask> PlanTasks => Set<PlannedTask>();
    public DbSet<TaskLink> PlanLinks => Set<TaskLink>();
    public DbSet<CrossUnitLink> CrossUnitLinks => Set<CrossUnitLink>();
    public DbSet<PlanBaseline> PlanBaselines => Set<PlanBaseline>();
    public DbSet<BaselineTask> BaselineTasks => Set<BaselineTask>();
    public DbSet<MilestoneForecast> MilestoneForecasts => Set<MilestoneForecast>();
}

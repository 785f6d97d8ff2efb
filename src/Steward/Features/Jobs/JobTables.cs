using Microsoft.EntityFrameworkCore;
using Steward.Features.Jobs;

namespace Steward.Data;

// The record of background job runs: this service's part of the one model. Quartz.NET keeps its own
// tables (QRTZ_*), which it creates itself on first start.
public abstract partial class StewardDbContext
{
    public DbSet<JobRun> JobRuns => Set<JobRun>();
}

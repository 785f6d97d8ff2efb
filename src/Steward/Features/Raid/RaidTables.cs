using Microsoft.EntityFrameworkCore;
using Steward.Features.Raid;

namespace Steward.Data;

// The tables of RAID: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Dependency> Dependencies => Set<Dependency>();
    public DbSet<Assumption> Assumptions => Set<Assumption>();
    public DbSet<RiskScale> RiskScales => Set<RiskScale>();
}

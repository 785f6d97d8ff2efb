using Microsoft.EntityFrameworkCore;
using Steward.Features.Reporting;

namespace Steward.Data;

// The tables of performance reporting: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<ReportingCycle> ReportingCycles => Set<ReportingCycle>();
    public DbSet<StatusReport> StatusReports => Set<StatusReport>();
    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();
    public DbSet<IndependentDca> IndependentDcas => Set<IndependentDca>();
    public DbSet<Features.Reporting.BoardPacks.BoardPack> BoardPacks => Set<Features.Reporting.BoardPacks.BoardPack>();
}

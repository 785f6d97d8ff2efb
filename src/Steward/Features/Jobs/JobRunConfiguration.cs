using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Jobs;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> run)
    {
        run.ToTable("job_runs");
        // The jobs page asks for each job's latest runs and latest failure.
        run.HasIndex(r => new { r.Job, r.StartedAt });
        run.Property(r => r.Job).HasMaxLength(JobRun.KeyMaxLength);
        run.Property(r => r.Node).HasMaxLength(JobRun.NodeMaxLength);
        run.Property(r => r.StartedBy).HasMaxLength(JobRun.StartedByMaxLength);
        run.Property(r => r.Summary).HasMaxLength(JobRun.TextMaxLength);
        run.Property(r => r.Error).HasMaxLength(JobRun.TextMaxLength);
    }
}

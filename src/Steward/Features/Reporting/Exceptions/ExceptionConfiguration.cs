using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Reporting.Exceptions;

internal sealed class ExceptionReportConfiguration : IEntityTypeConfiguration<ExceptionReport>
{
    public void Configure(EntityTypeBuilder<ExceptionReport> exception)
    {
        exception.ToTable("exception_reports");
        exception.Property(e => e.Value).HasPrecision(18, 2);
        exception.Property(e => e.Limit).HasPrecision(18, 2);
        exception.Property(e => e.Evidence).HasMaxLength(2000);
        exception.Property(e => e.OpenKey).HasMaxLength(32);
        foreach (var text in new[] { nameof(ExceptionReport.Cause), nameof(ExceptionReport.Consequences), nameof(ExceptionReport.Options),
            nameof(ExceptionReport.Recommendation), nameof(ExceptionReport.Lessons), nameof(ExceptionReport.Outcome) })
        {
            exception.Property<string?>(text).HasMaxLength(ExceptionReport.TextMaxLength);
        }

        exception.Property(e => e.SubmittedBy).HasMaxLength(320);
        exception.HasOne(e => e.RaisedTo).WithMany().HasForeignKey(e => e.RaisedToId);
        exception.HasOne<Governance.Decision>().WithMany().HasForeignKey(e => e.DecisionId);
        exception.HasIndex(e => new { e.UnitId, e.OpenKey }).IsUnique();
        exception.HasIndex(e => new { e.RaisedToId, e.State });
        exception.HasIndex(e => new { e.State, e.OpenedAt });
    }
}

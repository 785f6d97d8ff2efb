using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;

namespace Steward.Features.Reporting;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> cycle)
    {
        cycle.ToTable("reporting_cycles");
        cycle.HasIndex(c => c.UnitId).IsUnique();
    }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> report)
    {
        report.ToTable("status_reports");
        report.Property(r => r.Period).HasMaxLength(16);
        foreach (var text in new[] { nameof(StatusReport.Summary), nameof(StatusReport.Achievements), nameof(StatusReport.NextPeriod), nameof(StatusReport.DecisionsNeeded),
            nameof(StatusReport.FiguresNote), nameof(StatusReport.ReturnComment), nameof(StatusReport.CorrectionReason) })
        {
            report.Property<string?>(text).HasMaxLength(StatusReport.TextMaxLength);
        }

        foreach (var justification in Enum.GetNames<ReportDimension>().Select(d => d + "Justification").Append(nameof(StatusReport.DcaJustification)))
        {
            report.Property<string?>(justification).HasMaxLength(StatusReport.JustificationMaxLength);
        }

        report.Property(r => r.SubmittedBy).HasMaxLength(320);
        report.Property(r => r.DecidedBy).HasMaxLength(320);
        // One report of record per unit, period and edition: two people starting the same period's report
        // at once get one draft between them.
        report.HasIndex(r => new { r.UnitId, r.Period, r.Edition }).IsUnique();
        report.HasIndex(r => new { r.UnitId, r.PeriodEnd });
        report.HasOne<StatusReport>().WithMany().HasForeignKey(r => r.CorrectsId);
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> snapshot)
    {
        snapshot.ToTable("status_report_snapshots");
        snapshot.Property(s => s.Digest).HasMaxLength(64);
        snapshot.Property(s => s.Content).HasAnnotation(HistoryAnnotations.CoveredByDigest, true);
        // A report returned and submitted again has a snapshot for each submission; the newest is the one it stands on.
        snapshot.HasIndex(s => new { s.ReportId, s.TakenAt });
        snapshot.HasOne<StatusReport>().WithMany().HasForeignKey(s => s.ReportId);
    }
}

internal sealed class IndependentDcaConfiguration : IEntityTypeConfiguration<IndependentDca>
{
    public void Configure(EntityTypeBuilder<IndependentDca> dca)
    {
        dca.ToTable("independent_dcas");
        dca.Property(d => d.Comment).HasMaxLength(IndependentDca.CommentMaxLength);
        dca.Property(d => d.RecordedBy).HasMaxLength(320);
        dca.HasIndex(d => new { d.UnitId, d.AssessedOn });
    }
}

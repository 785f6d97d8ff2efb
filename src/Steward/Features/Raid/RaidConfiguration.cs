using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;

namespace Steward.Features.Raid;

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> risk)
    {
        risk.ToTable("risks");
        risk.HasIndex(r => r.Number).IsUnique();
        risk.Ignore(r => r.Reference);
        risk.Property(r => r.Title).HasMaxLength(Risk.TitleMaxLength);
        risk.Property(r => r.Cause).HasMaxLength(Risk.TextMaxLength);
        risk.Property(r => r.Event).HasMaxLength(Risk.TextMaxLength);
        risk.Property(r => r.Effect).HasMaxLength(Risk.TextMaxLength);
        risk.Property(r => r.Category).HasMaxLength(Risk.CategoryMaxLength);
        risk.Property(r => r.Score).HasAnnotation(HistoryAnnotations.Derived, true);
        // The register's commonest questions: open items of a unit by score, and reviews falling due;
        // likelihood and impact too, so the heat map counts from the index alone.
        // Covers the register's usual page (a unit's open risks by score, then number) and the heat map,
        // so neither reads a row until the page's 50 are chosen.
        risk.HasIndex(r => new { r.UnitId, r.Status, r.Score, r.Likelihood, r.Impact, r.Number });
        risk.HasIndex(r => new { r.Status, r.NextReviewDate });
        // A portfolio's or top programme's register in score order, read from the index in that order.
        risk.HasIndex(r => new { r.RollupLevel1Id, r.Status, r.Score, r.Number }).IsDescending(false, false, true, false);
        risk.HasIndex(r => new { r.RollupLevel2Id, r.Status, r.Score, r.Number }).IsDescending(false, false, true, false);
        risk.Property(r => r.RollupLevel1Id).HasAnnotation(HistoryAnnotations.Derived, true);
        risk.Property(r => r.RollupLevel2Id).HasAnnotation(HistoryAnnotations.Derived, true);
        risk.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        risk.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        risk.HasOne(r => r.RaisedBy).WithMany().HasForeignKey(r => r.RaisedById).OnDelete(DeleteBehavior.Restrict);
        risk.HasOne<Issue>().WithMany().HasForeignKey(r => r.RealisedIssueId).OnDelete(DeleteBehavior.Restrict);
        risk.Property(r => r.EscalationReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        risk.Property(r => r.StatusReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        risk.HasOne(r => r.EscalatedTo).WithMany().HasForeignKey(r => r.EscalatedToId).OnDelete(DeleteBehavior.Restrict);
        risk.HasIndex(r => new { r.EscalatedToId, r.Status });
        risk.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RiskReviewConfiguration : IEntityTypeConfiguration<RiskReview>
{
    public void Configure(EntityTypeBuilder<RiskReview> review)
    {
        review.ToTable("risk_reviews");
        review.Property(r => r.Comment).HasMaxLength(RiskReview.CommentMaxLength);
        review.HasOne<Risk>().WithMany().HasForeignKey(r => r.RiskId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne(r => r.ReviewedBy).WithMany().HasForeignKey(r => r.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        review.HasIndex(r => new { r.RiskId, r.CreatedAt });
    }
}

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> issue)
    {
        issue.ToTable("issues");
        issue.HasIndex(i => i.Number).IsUnique();
        issue.Ignore(i => i.Reference);
        issue.Property(i => i.Title).HasMaxLength(Risk.TitleMaxLength);
        issue.Property(i => i.Description).HasMaxLength(Risk.TextMaxLength);
        issue.Property(i => i.Impact).HasMaxLength(Risk.TextMaxLength);
        issue.Property(i => i.Resolution).HasMaxLength(Risk.TextMaxLength);
        issue.HasIndex(i => new { i.UnitId, i.Status, i.Priority });
        issue.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        issue.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        issue.HasOne(i => i.Risk).WithMany().HasForeignKey(i => i.RiskId).OnDelete(DeleteBehavior.Restrict);
        issue.Property(i => i.EscalationReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        issue.Property(i => i.StatusReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        issue.HasOne(i => i.EscalatedTo).WithMany().HasForeignKey(i => i.EscalatedToId).OnDelete(DeleteBehavior.Restrict);
        issue.HasIndex(i => new { i.EscalatedToId, i.Status });
        issue.Property(i => i.Version).IsConcurrencyToken();
    }
}

internal sealed class DependencyConfiguration : IEntityTypeConfiguration<Dependency>
{
    public void Configure(EntityTypeBuilder<Dependency> dependency)
    {
        dependency.ToTable("dependencies");
        dependency.HasIndex(d => d.Number).IsUnique();
        dependency.Ignore(d => d.Reference);
        dependency.Ignore(d => d.IsOpen);
        dependency.Ignore(d => d.IsLate);
        dependency.Ignore(d => d.WorkingDaysLate);
        dependency.Property(d => d.Title).HasMaxLength(Risk.TitleMaxLength);
        dependency.Property(d => d.Description).HasMaxLength(Risk.TextMaxLength);
        dependency.Property(d => d.ExternalParty).HasMaxLength(Dependency.PartyMaxLength);
        dependency.Property(d => d.EscalationReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        dependency.HasIndex(d => new { d.UnitId, d.Status });
        dependency.HasIndex(d => new { d.ProviderUnitId, d.Status });
        dependency.HasIndex(d => new { d.EscalatedToId, d.Status });
        dependency.Property(d => d.StatusReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        dependency.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        dependency.HasOne(d => d.ProviderUnit).WithMany().HasForeignKey(d => d.ProviderUnitId).OnDelete(DeleteBehavior.Restrict);
        dependency.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        dependency.HasOne(d => d.ProviderOwner).WithMany().HasForeignKey(d => d.ProviderOwnerId).OnDelete(DeleteBehavior.Restrict);
        dependency.HasOne(d => d.EscalatedTo).WithMany().HasForeignKey(d => d.EscalatedToId).OnDelete(DeleteBehavior.Restrict);
        dependency.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class AssumptionConfiguration : IEntityTypeConfiguration<Assumption>
{
    public void Configure(EntityTypeBuilder<Assumption> assumption)
    {
        assumption.ToTable("assumptions");
        assumption.HasIndex(a => a.Number).IsUnique();
        assumption.Ignore(a => a.Reference);
        assumption.Property(a => a.Statement).HasMaxLength(Assumption.StatementMaxLength);
        assumption.Property(a => a.ImpactIfWrong).HasMaxLength(Risk.TextMaxLength);
        assumption.Property(a => a.StatusReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        assumption.Property(a => a.FollowUp).HasMaxLength(20);
        assumption.Property(a => a.EscalationReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        assumption.HasIndex(a => new { a.UnitId, a.Status });
        assumption.HasIndex(a => new { a.EscalatedToId, a.Status });
        assumption.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        assumption.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        assumption.HasOne(a => a.EscalatedTo).WithMany().HasForeignKey(a => a.EscalatedToId).OnDelete(DeleteBehavior.Restrict);
        assumption.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class RiskScaleConfiguration : IEntityTypeConfiguration<RiskScale>
{
    public void Configure(EntityTypeBuilder<RiskScale> scale)
    {
        scale.ToTable("risk_scales");
        scale.HasIndex(s => s.UnitId).IsUnique();
        scale.HasOne<Units.DeliveryUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        scale.Property(s => s.Version).IsConcurrencyToken();
    }
}

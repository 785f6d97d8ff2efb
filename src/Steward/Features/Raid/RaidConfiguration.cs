using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;

namespace Steward.Features.Raid;

// What every RAID register's table has: step and escalation reasons of one length, and an index for
// the items escalated to a unit, by status.
internal abstract class RaidEntryConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : RaidEntry
{
    public void Configure(EntityTypeBuilder<T> entry)
    {
        entry.ToTable(table);
        entry.Property(e => e.StatusReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        entry.Property(e => e.EscalationReason).HasMaxLength(RaidTolerance.ReasonMaxLength);
        entry.HasIndex(nameof(RaidEntry.EscalatedToId), "Status");
        ConfigureEntry(entry);
    }

    protected abstract void ConfigureEntry(EntityTypeBuilder<T> entry);
}

internal sealed class RiskConfiguration() : RaidEntryConfiguration<Risk>("risks")
{
    protected override void ConfigureEntry(EntityTypeBuilder<Risk> risk)
    {
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
        // "Your work" and reminders: a person's open items (without it SQLite reads every open risk by review date).
        risk.HasIndex(r => new { r.OwnerId, r.Status, r.NextReviewDate });
        // A portfolio's or top programme's register in score order, read from the index in that order.
        risk.HasIndex(r => new { r.RollupLevel1Id, r.Status, r.Score, r.Number }).IsDescending(false, false, true, false);
        risk.HasIndex(r => new { r.RollupLevel2Id, r.Status, r.Score, r.Number }).IsDescending(false, false, true, false);
        risk.Property(r => r.RollupLevel1Id).HasAnnotation(HistoryAnnotations.Derived, true);
        risk.Property(r => r.RollupLevel2Id).HasAnnotation(HistoryAnnotations.Derived, true);
        risk.HasOne<Issue>().WithMany().HasForeignKey(r => r.RealisedIssueId);
    }
}

internal sealed class RiskReviewConfiguration : IEntityTypeConfiguration<RiskReview>
{
    public void Configure(EntityTypeBuilder<RiskReview> review)
    {
        review.ToTable("risk_reviews");
        review.Property(r => r.Comment).HasMaxLength(RiskReview.CommentMaxLength);
        review.HasOne<Risk>().WithMany().HasForeignKey(r => r.RiskId).OnDelete(DeleteBehavior.Cascade);
        review.HasIndex(r => new { r.RiskId, r.CreatedAt });
    }
}

internal sealed class IssueConfiguration() : RaidEntryConfiguration<Issue>("issues")
{
    protected override void ConfigureEntry(EntityTypeBuilder<Issue> issue)
    {
        issue.Property(i => i.Title).HasMaxLength(Risk.TitleMaxLength);
        issue.Property(i => i.Description).HasMaxLength(Risk.TextMaxLength);
        issue.Property(i => i.Impact).HasMaxLength(Risk.TextMaxLength);
        issue.Property(i => i.Resolution).HasMaxLength(Risk.TextMaxLength);
        issue.HasIndex(i => new { i.UnitId, i.Status, i.Priority });
        issue.HasIndex(i => new { i.OwnerId, i.Status, i.TargetResolutionDate });
    }
}

internal sealed class DependencyConfiguration() : RaidEntryConfiguration<Dependency>("dependencies")
{
    protected override void ConfigureEntry(EntityTypeBuilder<Dependency> dependency)
    {
        dependency.Property(d => d.Title).HasMaxLength(Risk.TitleMaxLength);
        dependency.Property(d => d.Description).HasMaxLength(Risk.TextMaxLength);
        dependency.Property(d => d.ExternalParty).HasMaxLength(Dependency.PartyMaxLength);
        dependency.HasIndex(d => new { d.UnitId, d.Status });
        dependency.HasIndex(d => new { d.ProviderUnitId, d.Status });
        dependency.HasIndex(d => new { d.OwnerId, d.Status });
        dependency.HasIndex(d => new { d.ProviderOwnerId, d.Status });
    }
}

internal sealed class AssumptionConfiguration() : RaidEntryConfiguration<Assumption>("assumptions")
{
    protected override void ConfigureEntry(EntityTypeBuilder<Assumption> assumption)
    {
        assumption.Property(a => a.Statement).HasMaxLength(Assumption.StatementMaxLength);
        assumption.Property(a => a.ImpactIfWrong).HasMaxLength(Risk.TextMaxLength);
        assumption.Property(a => a.FollowUp).HasMaxLength(20);
        assumption.HasIndex(a => new { a.UnitId, a.Status });
        assumption.HasIndex(a => new { a.OwnerId, a.Status, a.ValidationDue });
    }
}

internal sealed class RiskScaleConfiguration : IEntityTypeConfiguration<RiskScale>
{
    public void Configure(EntityTypeBuilder<RiskScale> scale)
    {
        scale.ToTable("risk_scales");
        scale.HasIndex(s => s.UnitId).IsUnique();
        scale.HasOne<Units.DeliveryUnit>().WithMany().HasForeignKey(s => s.UnitId);
    }
}

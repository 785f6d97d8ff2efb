using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Benefits;

internal sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    public void Configure(EntityTypeBuilder<Benefit> benefit)
    {
        benefit.ToTable("benefits");
        benefit.Property(b => b.Title).HasMaxLength(Benefit.TitleMaxLength);
        benefit.Property(b => b.Description).HasMaxLength(Benefit.TextMaxLength);
        benefit.Property(b => b.Kpi).HasMaxLength(Benefit.KpiMaxLength);
        benefit.Property(b => b.UnitOfMeasure).HasMaxLength(Benefit.UnitOfMeasureMaxLength);
        benefit.Property(b => b.MeasuredBy).HasMaxLength(Benefit.MeasuredByMaxLength);
        benefit.Property(b => b.BaselineValue).HasPrecision(18, 4);
        benefit.Property(b => b.TargetValue).HasPrecision(18, 4);
        benefit.HasOne(b => b.OwningUnit).WithMany().HasForeignKey(b => b.OwningUnitId);
        benefit.HasOne(b => b.Owner).WithMany().HasForeignKey(b => b.OwnerId);
        benefit.HasIndex(b => new { b.UnitId, b.Number });
        benefit.HasIndex(b => b.OwnerId);
        benefit.HasMany(b => b.Profile).WithOne().HasForeignKey(p => p.BenefitId).OnDelete(DeleteBehavior.Cascade);
        benefit.HasMany(b => b.Related).WithOne().HasForeignKey(r => r.BenefitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitProfilePointConfiguration : IEntityTypeConfiguration<BenefitProfilePoint>
{
    public void Configure(EntityTypeBuilder<BenefitProfilePoint> point)
    {
        point.ToTable("benefit_profile_points");
        point.Property(p => p.Value).HasPrecision(18, 4);
        point.HasIndex(p => new { p.BenefitId, p.On }).IsUnique();
    }
}

internal sealed class BenefitMeasurementConfiguration : IEntityTypeConfiguration<BenefitMeasurement>
{
    public void Configure(EntityTypeBuilder<BenefitMeasurement> measurement)
    {
        measurement.ToTable("benefit_measurements");
        measurement.Property(m => m.Value).HasPrecision(18, 4);
        measurement.Property(m => m.Evidence).HasMaxLength(BenefitMeasurement.EvidenceMaxLength);
        measurement.HasOne<Benefit>().WithMany().HasForeignKey(m => m.BenefitId);
        measurement.HasIndex(m => new { m.BenefitId, m.MeasuredOn });
    }
}

internal sealed class BenefitTrackingConfiguration : IEntityTypeConfiguration<BenefitTracking>
{
    public void Configure(EntityTypeBuilder<BenefitTracking> tracking)
    {
        tracking.ToTable("benefit_tracking");
        tracking.HasKey(t => t.BenefitId);
        tracking.Property(t => t.LastValue).HasPrecision(18, 4);
        tracking.Property(t => t.PlannedThen).HasPrecision(18, 4);
        tracking.Property(t => t.DeviationPercent).HasPrecision(18, 2);
        tracking.HasOne<Benefit>().WithOne().HasForeignKey<BenefitTracking>(t => t.BenefitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitYearConfiguration : IEntityTypeConfiguration<BenefitYear>
{
    public void Configure(EntityTypeBuilder<BenefitYear> year)
    {
        year.ToTable("benefit_years");
        year.HasKey(y => new { y.BenefitId, y.Year });
        year.HasOne<Benefit>().WithMany().HasForeignKey(y => y.BenefitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitRelatedItemConfiguration : IEntityTypeConfiguration<BenefitRelatedItem>
{
    public void Configure(EntityTypeBuilder<BenefitRelatedItem> item)
    {
        item.ToTable("benefit_related_items");
        item.Property(i => i.Reference).HasMaxLength(BenefitRelatedItem.ReferenceMaxLength);
        item.HasIndex(i => new { i.BenefitId, i.Reference }).IsUnique();
        item.HasIndex(i => i.ItemId);
    }
}

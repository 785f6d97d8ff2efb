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
    }
}

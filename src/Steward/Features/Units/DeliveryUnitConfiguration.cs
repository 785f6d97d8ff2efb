using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Units;

internal sealed class DeliveryUnitConfiguration : IEntityTypeConfiguration<DeliveryUnit>
{
    public void Configure(EntityTypeBuilder<DeliveryUnit> unit)
    {
        unit.ToTable("delivery_units");
        unit.Property(u => u.Code).HasMaxLength(DeliveryUnit.CodeMaxLength);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.Property(u => u.Name).HasMaxLength(DeliveryUnit.NameMaxLength);
        unit.Property(u => u.Description).HasMaxLength(DeliveryUnit.TextMaxLength);
        unit.Property(u => u.Aims).HasMaxLength(DeliveryUnit.TextMaxLength);
        unit.HasIndex(u => new { u.ParentId, u.Code });
        unit.HasIndex(u => u.Name);
        unit.Property(u => u.Path).HasMaxLength(DeliveryUnit.PathMaxLength).HasAnnotation(Steward.Features.History.HistoryAnnotations.Derived, true);
        unit.HasIndex(u => u.Path);
        // The home page counts projects per parent without reading the table.
        unit.HasIndex(u => new { u.Kind, u.ParentId, u.Status });
    }
}

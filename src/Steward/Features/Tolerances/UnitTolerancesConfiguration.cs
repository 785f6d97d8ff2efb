using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Units;

namespace Steward.Features.Tolerances;

internal sealed class UnitTolerancesConfiguration : IEntityTypeConfiguration<UnitTolerances>
{
    public void Configure(EntityTypeBuilder<UnitTolerances> tolerances)
    {
        tolerances.ToTable("tolerances");
        tolerances.HasKey(t => t.Id);
        tolerances.HasIndex(t => t.UnitId).IsUnique();
        tolerances.HasOne<DeliveryUnit>().WithMany().HasForeignKey(t => t.UnitId);
        foreach (var limit in tolerances.Metadata.GetProperties().Where(p => p.ClrType == typeof(decimal?)))
        {
            limit.SetPrecision(12);
            limit.SetScale(2);
        }
    }
}

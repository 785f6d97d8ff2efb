using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Units;

namespace Steward.Features.Finance.Ledger;

internal sealed class LedgerMappingConfiguration : IEntityTypeConfiguration<LedgerMapping>
{
    public void Configure(EntityTypeBuilder<LedgerMapping> mapping)
    {
        mapping.ToTable("ledger_mappings");
        mapping.HasKey(m => m.Id);
        mapping.HasIndex(m => new { m.Kind, m.Source }).IsUnique();
        mapping.Property(m => m.Source).HasMaxLength(LedgerMapping.SourceMaxLength);
        mapping.HasOne<DeliveryUnit>().WithMany().HasForeignKey(m => m.UnitId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;

namespace Steward.Features.Reporting.BoardPacks;

internal sealed class BoardPackConfiguration : IEntityTypeConfiguration<BoardPack>
{
    public void Configure(EntityTypeBuilder<BoardPack> pack)
    {
        pack.ToTable("board_packs");
        pack.Property(p => p.Period).HasMaxLength(16);
        pack.Property(p => p.Step).HasMaxLength(200);
        pack.Property(p => p.Error).HasMaxLength(2000);
        pack.Property(p => p.RequestedBy).HasMaxLength(320);
        pack.Property(p => p.Digest).HasMaxLength(64);
        // The history records the digest of the PDF, not the PDF.
        pack.Property(p => p.Pdf).HasAnnotation(HistoryAnnotations.CoveredByDigest, true);
        pack.HasIndex(p => new { p.UnitId, p.RequestedAt });
        pack.HasIndex(p => p.State);
    }
}

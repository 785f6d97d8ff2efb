using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.History.Digests;

internal sealed class StoredDigestConfiguration : IEntityTypeConfiguration<StoredDigest>
{
    public void Configure(EntityTypeBuilder<StoredDigest> digest)
    {
        digest.ToTable("history_digests");
        digest.HasKey(d => d.Sequence);
        digest.Property(d => d.Sequence).ValueGeneratedNever();
        digest.Property(d => d.Root).HasMaxLength(64);
        digest.Property(d => d.Previous).HasMaxLength(64);
        digest.Property(d => d.KeyId).HasMaxLength(32);
    }
}

internal sealed class StoredChainHeadConfiguration : IEntityTypeConfiguration<StoredChainHead>
{
    public void Configure(EntityTypeBuilder<StoredChainHead> head)
    {
        head.ToTable("history_digest_heads");
        head.HasKey(h => new { h.RecordId, h.DigestSequence });
        head.Property(h => h.RecordType).HasMaxLength(100);
        head.Property(h => h.Hash).HasMaxLength(64);
    }
}

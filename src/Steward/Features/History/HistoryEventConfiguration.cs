using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.History;

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<HistoryEvent>
{
    public void Configure(EntityTypeBuilder<HistoryEvent> history)
    {
        history.ToTable("history_events");
        history.Property(e => e.RecordType).HasMaxLength(100);
        history.Property(e => e.Action).HasMaxLength(40);
        history.Property(e => e.Actor).HasMaxLength(320);
        history.Property(e => e.Channel).HasMaxLength(20);
        history.Property(e => e.PreviousHash).HasMaxLength(64);
        history.Property(e => e.Hash).HasMaxLength(64);
        history.HasIndex(e => new { e.RecordId, e.Id });
        history.HasIndex(e => e.At);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Benefits.Map;

internal sealed class StrategicObjectiveConfiguration : IEntityTypeConfiguration<StrategicObjective>
{
    public void Configure(EntityTypeBuilder<StrategicObjective> objective)
    {
        objective.ToTable("strategic_objectives");
        objective.Property(o => o.Title).HasMaxLength(StrategicObjective.TitleMaxLength);
        objective.Property(o => o.Description).HasMaxLength(StrategicObjective.TextMaxLength);
        objective.HasIndex(o => new { o.UnitId, o.Number });
    }
}

internal sealed class BusinessChangeConfiguration : IEntityTypeConfiguration<BusinessChange>
{
    public void Configure(EntityTypeBuilder<BusinessChange> change)
    {
        change.ToTable("business_changes");
        change.Property(c => c.Title).HasMaxLength(BusinessChange.TitleMaxLength);
        change.Property(c => c.Description).HasMaxLength(BusinessChange.TextMaxLength);
        change.HasIndex(c => new { c.UnitId, c.Number });
    }
}

internal sealed class BenefitMapLinkConfiguration : IEntityTypeConfiguration<BenefitMapLink>
{
    public void Configure(EntityTypeBuilder<BenefitMapLink> link)
    {
        link.ToTable("benefit_map_links");
        link.HasIndex(l => new { l.FromId, l.ToId }).IsUnique();
        link.HasIndex(l => l.ToId);
        link.HasIndex(l => l.UnitId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Units;

namespace Steward.Features.Finance;

internal sealed class UnitFinanceConfiguration : IEntityTypeConfiguration<UnitFinance>
{
    public void Configure(EntityTypeBuilder<UnitFinance> finance)
    {
        finance.ToTable("finances");
        finance.HasKey(f => f.Id);
        finance.HasIndex(f => f.UnitId).IsUnique();
        finance.HasOne<DeliveryUnit>().WithMany().HasForeignKey(f => f.UnitId);
    }
}

internal sealed class FinanceLineConfiguration : IEntityTypeConfiguration<FinanceLine>
{
    public void Configure(EntityTypeBuilder<FinanceLine> line)
    {
        line.ToTable("finance_lines");
        line.HasKey(l => l.Id);
        // One line per layer, baseline, category, cost type and year in a unit; the roll-up reads current
        // lines of a subtree by unit.
        line.HasIndex(l => new { l.UnitId, l.Layer, l.Baseline, l.Category, l.CostType, l.Year }).IsUnique();
        line.HasIndex(l => new { l.Current, l.UnitId });
        line.HasOne<DeliveryUnit>().WithMany().HasForeignKey(l => l.UnitId);
        line.Property(l => l.Reason).HasMaxLength(FinanceLine.ReasonMaxLength);
        line.Ignore(l => l.Total);
        line.Ignore(l => l.Key);
        line.Ignore(l => l.FinancialYear);
    }
}

internal sealed class FinanceBaselineConfiguration : IEntityTypeConfiguration<FinanceBaseline>
{
    public void Configure(EntityTypeBuilder<FinanceBaseline> baseline)
    {
        baseline.ToTable("finance_baselines");
        baseline.HasKey(b => b.Id);
        baseline.HasIndex(b => new { b.UnitId, b.Number }).IsUnique();
        baseline.HasOne<DeliveryUnit>().WithMany().HasForeignKey(b => b.UnitId);
        baseline.Property(b => b.Reason).HasMaxLength(FinanceBaseline.ReasonMaxLength);
        baseline.Property(b => b.Decision).HasMaxLength(FinanceBaseline.DecisionMaxLength);
        baseline.Property(b => b.ApprovedBy).HasMaxLength(200);
    }
}

internal sealed class FinanceChangeConfiguration : IEntityTypeConfiguration<FinanceChange>
{
    public void Configure(EntityTypeBuilder<FinanceChange> change)
    {
        change.ToTable("finance_changes");
        change.HasKey(c => c.Id);
        change.HasIndex(c => new { c.UnitId, c.CreatedAt });
        change.HasOne<DeliveryUnit>().WithMany().HasForeignKey(c => c.UnitId);
        change.Property(c => c.Reason).HasMaxLength(FinanceLine.ReasonMaxLength);
        change.Property(c => c.By).HasMaxLength(200);
    }
}

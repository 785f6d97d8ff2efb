using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Units;

namespace Steward.Features.Finance.BusinessCases;

internal sealed class BusinessCaseConfiguration : IEntityTypeConfiguration<BusinessCase>
{
    public void Configure(EntityTypeBuilder<BusinessCase> businessCase)
    {
        businessCase.ToTable("business_cases");
        businessCase.HasKey(c => c.Id);
        businessCase.HasIndex(c => c.UnitId).IsUnique();
        businessCase.HasOne<DeliveryUnit>().WithMany().HasForeignKey(c => c.UnitId);
        foreach (var text in new[] { nameof(BusinessCase.Strategic), nameof(BusinessCase.Economic), nameof(BusinessCase.Commercial), nameof(BusinessCase.Financial), nameof(BusinessCase.Management) })
        {
            businessCase.Property(text).HasMaxLength(BusinessCase.CaseMaxLength);
        }

        businessCase.Property(c => c.Links).HasMaxLength(BusinessCase.LinksMaxLength);
        businessCase.Property(c => c.ApprovalDecision).HasMaxLength(FinanceBaseline.DecisionMaxLength);
        businessCase.Property(c => c.ApprovedBy).HasMaxLength(200);
        // An option belongs to its case and goes with it.
        businessCase.HasMany(c => c.Options).WithOne().HasForeignKey(o => o.BusinessCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppraisalOptionConfiguration : IEntityTypeConfiguration<AppraisalOption>
{
    public void Configure(EntityTypeBuilder<AppraisalOption> option)
    {
        option.ToTable("appraisal_options");
        option.HasKey(o => o.Id);
        option.Property(o => o.Name).HasMaxLength(AppraisalOption.NameMaxLength);
        option.Property(o => o.Description).HasMaxLength(AppraisalOption.TextMaxLength);
        option.Property(o => o.OptimismBiasReason).HasMaxLength(AppraisalOption.TextMaxLength);
        option.Property(o => o.OptimismBias).HasPrecision(7, 2);
        option.Property(o => o.CashFlows).HasMaxLength(60_000);
    }
}

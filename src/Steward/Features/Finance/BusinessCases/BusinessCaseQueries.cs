using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Finance.Appraisal;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Finance.BusinessCases;

// A unit's business case with its options appraised: present values, NPSV and BCR worked out on reading,
// so the figures always follow the Green Book engine.
public sealed class BusinessCaseQueries(StewardDbContext db)
{
    public async Task<BusinessCaseView> ViewAsync(IUnitLocation unit, CancellationToken ct)
    {
        var businessCase = await db.BusinessCases.AsNoTracking().Include(c => c.Options).FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct);
        var self = await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).FirstAsync(ct);
        if (businessCase is null)
        {
            return new BusinessCaseView(self, 0, null, null, null, null, null, null, [], null, null, null, null, null, null, null, []);
        }

        var baseYear = new FinancialYear(businessCase.BaseYear);
        var options = businessCase.Options.OrderBy(o => o.Position).Select(o => Appraise(o, baseYear, o.Id == businessCase.PreferredOptionId)).ToList();
        return new BusinessCaseView(
            self, businessCase.Version, EnumText.Of(businessCase.Stage), businessCase.Strategic, businessCase.Economic, businessCase.Commercial,
            businessCase.Financial, businessCase.Management,
            (businessCase.Links ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            EnumText.Of(businessCase.ProjectType), OptimismBiasBounds.For(businessCase.ProjectType), baseYear.ToString(),
            businessCase.ApprovedStage is { } approved ? EnumText.Of(approved) : null, businessCase.ApprovalDecision, businessCase.ApprovedOn, businessCase.ApprovedBy,
            options);
    }

    private static OptionView Appraise(AppraisalOption option, FinancialYear baseYear, bool preferred)
    {
        var years = CashFlowText.Parse(option.CashFlows);
        var span = years.Count == 0 ? 0 : years.Max(y => y.Year.Start - baseYear.Start) + 1;
        var costs = new decimal[span];
        var benefits = new decimal[span];
        foreach (var year in years)
        {
            costs[year.Year.Start - baseYear.Start] = year.Costs / 100m;
            benefits[year.Year.Start - baseYear.Start] = year.Benefits / 100m;
        }

        var result = OptionsAppraisal.Appraise(new OptionCashFlows(option.Name, costs, benefits, option.OptimismBias));
        return new OptionView(option.Name, EnumText.Of(option.Kind), option.Description, option.OptimismBias, option.OptimismBiasReason, preferred,
            years.Select(y => new CashFlowView(y.Year.ToString(), y.Year.Start - baseYear.Start, decimal.Round(GreenBookDiscounting.Factor(y.Year.Start - baseYear.Start), 6),
                new Money(y.Costs), new Money(y.Benefits))).ToList(),
            result);
    }
}

using Steward.Features.Finance.Appraisal;
using Steward.Features.Units;

namespace Steward.Features.Finance.BusinessCases;

public sealed record CashFlowView(string Year, int DiscountYear, decimal DiscountFactor, Money Costs, Money Benefits);

// An option with its appraisal: present values in base-year prices, NPSV and BCR.
public sealed record OptionView(
    string Name, string Kind, string? Description, decimal OptimismBias, string? OptimismBiasReason, bool Preferred,
    IReadOnlyList<CashFlowView> Years, OptionAppraisalResult Appraisal);

// Version 0 and no stage: the unit has no business case yet.
public sealed record BusinessCaseView(
    UnitRef Unit, int Version, string? Stage, string? Strategic, string? Economic, string? Commercial, string? Financial, string? Management,
    IReadOnlyList<string> Links, string? ProjectType, OptimismBiasBounds? OptimismBias, string? BaseYear,
    string? ApprovedStage, string? ApprovalDecision, DateOnly? ApprovedOn, string? ApprovedBy, IReadOnlyList<OptionView> Options);

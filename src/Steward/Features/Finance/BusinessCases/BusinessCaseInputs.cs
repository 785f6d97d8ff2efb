using System.ComponentModel;

namespace Steward.Features.Finance.BusinessCases;

// A year of an option's cash flows, in pounds of the base year's prices.
public sealed record CashFlowInput(
    [property: Description("The financial year, 2026-27: the base year or later.")] string? Year,
    [property: Description("Costs that year before optimism bias, in pounds (a number or text such as \"£1.2m\").")] AmountText? Costs,
    [property: Description("Benefits that year, in pounds.")] AmountText? Benefits);

public sealed record OptionInput(
    [property: Description("The option's name, unique in the case.")] string? Name,
    [property: Description("business-as-usual, do-minimum or option.")] string? Kind,
    string? Description,
    [property: Description("Optimism bias uplift on costs, %; default the upper bound for the project type. Below it needs a reason.")] decimal? OptimismBias,
    [property: Description("Why the uplift is below the upper bound: the risks mitigated.")] string? OptimismBiasReason,
    List<CashFlowInput>? Years);

// The whole case as the unit's business case manager writes it; options replace those held.
public sealed record BusinessCaseInput(
    [property: Description("soc, sobc, obc, fbc or bjc.")] string? Stage,
    string? Strategic, string? Economic, string? Commercial, string? Financial, string? Management,
    [property: Description("Links to the case's documents, one address per line.")] string? Links,
    [property: Description("non-standard-buildings, standard-buildings, non-standard-civil-engineering, standard-civil-engineering, equipment-and-development or outsourcing: sets the optimism bias bounds.")] string? ProjectType,
    [property: Description("The financial year whose prices the appraisal uses and from which it discounts (year 0), 2026-27.")] string? BaseYear,
    List<OptionInput>? Options,
    [property: Description("The preferred option's name.")] string? Preferred);

// A stage approved by a decision recorded in the governance log.
public sealed record ApprovalInput(
    [property: Description("The stage approved: soc, sobc, obc, fbc or bjc.")] string? Stage,
    [property: Description("The decision that approved it (DEC-0007), on this unit or above.")] string? Decision);

// Setting the finance baseline from the approved full business case's preferred option.
public sealed record CaseBaselineInput(
    [property: Description("The spending category the option's costs are budgeted in: rdel-administration, rdel-programme, cdel, non-government or ame.")] string? Category);

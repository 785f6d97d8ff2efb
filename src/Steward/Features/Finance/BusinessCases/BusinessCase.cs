using Steward.Features.Finance.Appraisal;
using Steward.Infrastructure;

namespace Steward.Features.Finance.BusinessCases;

// The Green Book's stages: a strategic outline case (SOBC for a programme), then outline, then full; or a
// business justification case for a small scheme.
public enum BusinessCaseStage
{
    Soc,
    Sobc,
    Obc,
    Fbc,
    Bjc,
}

public enum OptionKind
{
    // Business as usual, or do nothing: what the others are measured against.
    BusinessAsUsual,
    DoMinimum,
    Option,
}

// A unit's business case in the Five Case Model: the five cases as text (with links to the documents),
// its stage and who approved it when (a decision in the governance log), and the options appraisal in
// real prices of its base year.
public sealed class BusinessCase : IVersionedRecord
{
    public const int CaseMaxLength = 20_000;
    public const int LinksMaxLength = 4_000;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public BusinessCaseStage Stage { get; set; }

    public string? Strategic { get; set; }
    public string? Economic { get; set; }
    public string? Commercial { get; set; }
    public string? Financial { get; set; }
    public string? Management { get; set; }

    // Attachments by link, one address per line.
    public string? Links { get; set; }

    public ProjectType ProjectType { get; set; }

    // The financial year whose prices the appraisal is in, and from which it discounts (year 0).
    public int BaseYear { get; set; }

    public Guid? PreferredOptionId { get; set; }

    // The stage last approved, by which decision, on what date, by whom (a board or a person).
    public BusinessCaseStage? ApprovedStage { get; set; }
    public string? ApprovalDecision { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? ApprovedBy { get; set; }

    public List<AppraisalOption> Options { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// One option of the appraisal: its yearly costs (before optimism bias) and benefits in pence of base-year
// prices, by financial year from the base year, and the optimism bias applied to its costs.
public sealed class AppraisalOption
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4_000;

    public Guid Id { get; set; }
    public Guid BusinessCaseId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public OptionKind Kind { get; set; }
    public string? Description { get; set; }
    public decimal OptimismBias { get; set; }
    public string? OptimismBiasReason { get; set; }

    // "2026:120000;2027:95000" would hide the years; each year is a pair of pence, kept as text so the
    // history shows what changed: "2026-27=cost/benefit" per line.
    public string CashFlows { get; set; } = string.Empty;
}

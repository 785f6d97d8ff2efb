using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits.Map;

// What a portfolio is for (SO-0002): held at the portfolio and chosen by the benefits below it, which
// say which objectives they contribute to on the benefits map.
public sealed class StrategicObjective : NumberedEntry
{
    public const string ReferencePrefix = "SO-";
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Description { get; set; }
}

// An outcome or business change (BC-0003): what has to change in the business for a benefit to come,
// brought about by enablers (units, plan milestones). Held by the unit whose map shows it.
public sealed class BusinessChange : NumberedEntry
{
    public const string ReferencePrefix = "BC-";
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Description { get; set; }
}

// The kinds of thing on a benefits map, in the order contributions run: enablers (a unit, a milestone in
// a plan) bring about business changes, which bring benefits, which serve strategic objectives.
public enum MapNodeKind
{
    Unit,
    Milestone,
    BusinessChange,
    Benefit,
    Objective,
}

// "From contributes to To" on the benefits map. UnitId is the unit holding From, so a unit's map is the
// links from everything at or below it. Ids are the records' own; a milestone is its plan task's id.
public sealed class BenefitMapLink : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public MapNodeKind FromKind { get; set; }
    public Guid FromId { get; set; }
    public MapNodeKind ToKind { get; set; }
    public Guid ToId { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // What may contribute to what: enablers to changes or benefits, changes to changes or benefits,
    // benefits to benefits (an intermediate benefit to an end one) or to objectives.
    public static bool Allowed(MapNodeKind from, MapNodeKind to) => (from, to) switch
    {
        (MapNodeKind.Unit or MapNodeKind.Milestone, MapNodeKind.BusinessChange or MapNodeKind.Benefit) => true,
        (MapNodeKind.BusinessChange, MapNodeKind.BusinessChange or MapNodeKind.Benefit) => true,
        (MapNodeKind.Benefit, MapNodeKind.Benefit or MapNodeKind.Objective) => true,
        _ => false,
    };
}

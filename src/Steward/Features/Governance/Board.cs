using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// A governance board of a unit (programme board, portfolio investment committee): who chairs it,
// who sits on it, what it may decide, and how often it meets.
public sealed class Board : IRegisterEntry
{
    public const int NameMaxLength = 200;
    public const int TermsMaxLength = 8000;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public required string Name { get; set; }
    public Guid ChairId { get; set; }
    public Person? Chair { get; set; }
    public string? TermsOfReference { get; set; }
    public BoardCadence Cadence { get; set; }

    // How many of the chair and members (or their deputies) must attend for the board to decide; none set, none checked.
    public int? Quorum { get; set; }

    public List<BoardMember> Members { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    string IRegisterEntry.Reference => Name;
}

// A seat on a board. Its own row (with an id) so joining and leaving are in the history.
public sealed class BoardMember
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
}

public enum BoardCadence
{
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
    AsNeeded,
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// What setting up and changing a board share: the form, its choices and the order errors are listed in.
public abstract class BoardFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<BoardForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.ChairId", "Input.Cadence", "Input.TermsOfReference", "Input.MemberIds", "Input.Quorum"];

    public static IEnumerable<SelectListItem> Cadences => Enum.GetValues<BoardCadence>().Select(c => new SelectListItem(GovernanceLabels.Of(c), c.ToString()));

    protected BoardInput ReadInput() => new(Input.Name, Input.ChairId, Input.Cadence, Input.TermsOfReference, Input.MemberIds, Input.Quorum);
}

public sealed class BoardForm : IEditForm
{
    public string? Name { get; set; }
    public Guid? ChairId { get; set; }
    public BoardCadence? Cadence { get; set; }
    public string? TermsOfReference { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public int? Quorum { get; set; }
    public int Version { get; set; }

    public static BoardForm From(BoardView board) => new()
    {
        Name = board.Name,
        ChairId = board.Chair.Id,
        Cadence = board.Cadence,
        TermsOfReference = board.TermsOfReference,
        MemberIds = [.. board.Members.Select(m => m.Id)],
        Quorum = board.Quorum,
        Version = board.Version,
    };
}

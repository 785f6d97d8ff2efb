namespace Steward.Features.History;

// A module's records named for the history pages, so a change reads "Board: Programme board" or
// "Risk: R-0042", not an id. Each module names its own records; only what identifies a record is given
// (a reference, a board's name), never what it says, so naming leaks nothing a reader could not see.
public interface IHistoryNames
{
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Infrastructure.Work;

// One change to one record as the history recorded it, read by the news sources after it committed.
public sealed record ChangeSeen(long EventId, string RecordType, Guid RecordId, string Action, string Actor, DateTime At, IReadOnlyList<HistoryChange> Changes)
{
    public HistoryChange? Field(string name) => Changes.FirstOrDefault(c => c.Field == name);

    public bool Created => Action == "created";
}

// Something that happened that one person should hear of: an item escalated to a unit they hold a role on,
// an action a decision gave them, a report returned to them. What says what happened, in a sentence.
public sealed record News(WorkKind Kind, Guid PersonId, long EventId, string Reference, string Title, UnitRef Unit, string What, string Link);

// A register's part of what people are told as it happens: given the changes just recorded to the record
// types it names, who should hear of which. Each register module registers its own source; the
// notification service reads the history after each change commits, so a register calls nothing to be heard.
public interface INewsSource
{
    IReadOnlyList<WorkKind> Kinds { get; }

    // The history's record types (entity class names) this source reads.
    IReadOnlyCollection<string> RecordTypes { get; }

    Task<IReadOnlyList<News>> NewsAsync(IReadOnlyList<ChangeSeen> changes, CancellationToken ct);
}

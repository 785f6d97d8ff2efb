using Steward.Features.Units;

namespace Steward.Infrastructure.Work;

// One kind of thing a person can be given to do ("risk-review": "Risk reviews"), or be told has happened
// ("escalation": "Escalations"). Key names it in filters, the API and notification preferences, so it must
// never change once released. AtOnce: people hear of it as soon as it happens unless they choose otherwise
// (news that needs acting on); otherwise in their daily digest.
public sealed record WorkKind(string Key, string Label, string Singular, bool AtOnce = false);

// Something assigned to one person that has a date by which it should be done: a risk to review, an action
// to complete, a report to submit. Due is that date (null where the register holds none).
public sealed record AssignedWork(WorkKind Kind, Guid PersonId, string Reference, string Title, UnitRef Unit, DateOnly? Due, string Link);

// A register's part of "My work" and of the reminders sent: its open items assigned to people, in units
// still being delivered (active or paused). Each register module registers its own source.
public interface IWorkSource
{
    IReadOnlyList<WorkKind> Kinds { get; }

    // The open items assigned to these people (at most a few hundred at a time), due on or before dueBy when
    // it is given.
    Task<IReadOnlyList<AssignedWork>> AssignedAsync(IReadOnlyCollection<Guid> people, DateOnly? dueBy, CancellationToken ct);
}

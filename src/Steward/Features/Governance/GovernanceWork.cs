using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Governance;

// Governance's part of "My work": open actions (open or in progress), by the date each is due.
internal sealed class GovernanceWork(StewardDbContext db) : IWorkSource
{
    public static readonly WorkKind Action = new("action", "Actions", "Action");

    public IReadOnlyList<WorkKind> Kinds => [Action];

    public async Task<IReadOnlyList<AssignedWork>> AssignedAsync(IReadOnlyCollection<Guid> people, DateOnly? dueBy, CancellationToken ct)
    {
        var actions = await db.Actions.AsNoTracking()
            .Where(a => people.Contains(a.OwnerId) && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
                && (a.Unit!.Status == UnitStatus.Active || a.Unit.Status == UnitStatus.Paused))
            .Where(a => dueBy == null || a.DueOn <= dueBy)
            .Select(a => new { a.OwnerId, a.Number, a.Description, a.DueOn, Unit = new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind) }).ToListAsync(ct);
        return actions.Select(a =>
        {
            var reference = EntryReference.Format(ActionItem.ReferencePrefix, a.Number);
            return new AssignedWork(Action, a.OwnerId, reference, a.Description, a.Unit, a.DueOn, GovernanceLinks.Action(a.Unit.Code, reference));
        }).ToList();
    }
}

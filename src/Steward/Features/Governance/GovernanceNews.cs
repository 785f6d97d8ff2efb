using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Governance;

// A decision recorded with an action for someone: told to the action's owner, with the decision it came from.
internal sealed class GovernanceNews(StewardDbContext db) : INewsSource
{
    public static readonly WorkKind DecisionAction = new("decision-action", "Actions given you by decisions", "Action from a decision", AtOnce: true);

    public IReadOnlyList<WorkKind> Kinds => [DecisionAction];

    public IReadOnlyCollection<string> RecordTypes => [nameof(ActionItem)];

    public async Task<IReadOnlyList<News>> NewsAsync(IReadOnlyList<ChangeSeen> changes, CancellationToken ct)
    {
        var given = changes.Where(c => c.Created && c.Field(nameof(ActionItem.DecisionId))?.To is { Length: > 0 }).ToList();
        if (given.Count == 0)
        {
            return [];
        }

        var ids = given.Select(c => c.RecordId).ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => ids.Contains(a.Id) && a.DecisionId != null)
            .Select(a => new
            {
                a.Id, a.Number, a.Description, a.OwnerId, a.DueOn, Decision = a.Decision!.Number, DecisionUnit = a.Decision.Unit!.Code,
                Unit = new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind),
            }).ToDictionaryAsync(a => a.Id, ct);
        return given.Where(c => actions.ContainsKey(c.RecordId)).Select(c =>
        {
            var a = actions[c.RecordId];
            var reference = EntryReference.Format(ActionItem.ReferencePrefix, a.Number);
            var decision = EntryReference.Format(Decision.ReferencePrefix, a.Decision);
            return new News(DecisionAction, a.OwnerId, c.EventId, reference, a.Description, a.Unit,
                $"Decision {decision} (recorded by {c.Actor}) gives you this action, due {UkFormat.Date(a.DueOn)}.", GovernanceLinks.Action(a.Unit.Code, reference));
        }).ToList();
    }
}

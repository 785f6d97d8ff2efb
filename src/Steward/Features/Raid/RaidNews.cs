using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Raid;

// The RAID log's news: a risk, issue, assumption or dependency escalated to a unit (by hand, or by its
// tolerance), told to those who lead that unit; and one handed back from it, told to them and the item's owner.
internal sealed class RaidNews(StewardDbContext db, UnitLeaders leaders) : INewsSource
{
    public static readonly WorkKind Escalation = new("escalation", "Escalations to and from your units", "Escalation", AtOnce: true);

    public IReadOnlyList<WorkKind> Kinds => [Escalation];

    public IReadOnlyCollection<string> RecordTypes => [nameof(Risk), nameof(Issue), nameof(Assumption), nameof(Dependency)];

    private sealed record Entry(Guid Id, string Reference, string Title, Guid OwnerId, UnitRef Unit, string Link);

    public async Task<IReadOnlyList<News>> NewsAsync(IReadOnlyList<ChangeSeen> changes, CancellationToken ct)
    {
        var moves = changes.Select(c => (Change: c, Field: c.Field(nameof(RaidEntry.EscalatedToId))))
            .Where(m => m.Field is { } f && f.From != f.To).Select(m => (m.Change, From: Unit(m.Field!.From), To: Unit(m.Field.To))).ToList();
        if (moves.Count == 0)
        {
            return [];
        }

        var ids = moves.Select(m => m.Change.RecordId).ToHashSet();
        var entries = (await EntriesAsync(ids, ct)).ToDictionary(e => e.Id);
        var levels = moves.SelectMany(m => new[] { m.From, m.To }).OfType<Guid>().ToHashSet();
        var units = await db.Units.AsNoTracking().Where(u => levels.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new UnitRef(u.Id, u.Code, u.Name, u.Kind), ct);
        var leading = await leaders.OfAsync(levels, UnitLeaders.Leading, ct);
        var news = new List<News>();
        foreach (var (change, from, to) in moves)
        {
            if (!entries.TryGetValue(change.RecordId, out var entry))
            {
                continue;
            }

            var reason = change.Field(nameof(RaidEntry.EscalationReason))?.To is { Length: > 0 } r ? $": {r}" : ".";
            if (to is { } raisedTo && units.TryGetValue(raisedTo, out var level))
            {
                var what = $"Escalated from {entry.Unit.Name} to {level.Name} by {change.Actor}{reason}";
                news.AddRange(leading[raisedTo].Select(person => new News(Escalation, person, change.EventId, entry.Reference, entry.Title, entry.Unit, what, entry.Link)));
            }

            if (from is { } handedBackFrom && units.TryGetValue(handedBackFrom, out var former))
            {
                var what = $"Handed back from {former.Name} to {entry.Unit.Name} by {change.Actor}{reason}";
                news.AddRange(leading[handedBackFrom].Append(entry.OwnerId).Distinct()
                    .Select(person => new News(Escalation, person, change.EventId, entry.Reference, entry.Title, entry.Unit, what, entry.Link)));
            }
        }

        return news;
    }

    private static Guid? Unit(string? id) => Guid.TryParse(id, out var unit) ? unit : null;

    private async Task<List<Entry>> EntriesAsync(HashSet<Guid> ids, CancellationToken ct)
    {
        var found = new List<Entry>();
        found.AddRange((await db.Risks.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Number, r.Title, r.OwnerId, Unit = new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind) }).ToListAsync(ct))
            .Select(r => Make(r.Id, Risk.ReferencePrefix, r.Number, r.Title, r.OwnerId, r.Unit, RaidLinks.Risk)));
        found.AddRange((await db.Issues.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Number, i.Title, i.OwnerId, Unit = new UnitRef(i.Unit!.Id, i.Unit.Code, i.Unit.Name, i.Unit.Kind) }).ToListAsync(ct))
            .Select(i => Make(i.Id, Issue.ReferencePrefix, i.Number, i.Title, i.OwnerId, i.Unit, RaidLinks.Issue)));
        found.AddRange((await db.Assumptions.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Number, a.Statement, a.OwnerId, Unit = new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind) }).ToListAsync(ct))
            .Select(a => Make(a.Id, Assumption.ReferencePrefix, a.Number, a.Statement, a.OwnerId, a.Unit, RaidLinks.Assumption)));
        found.AddRange((await db.Dependencies.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Number, d.Title, d.OwnerId, Unit = new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind) }).ToListAsync(ct))
            .Select(d => Make(d.Id, Dependency.ReferencePrefix, d.Number, d.Title, d.OwnerId, d.Unit, RaidLinks.Dependency)));
        return found;
    }

    private static Entry Make(Guid id, string prefix, int number, string title, Guid owner, UnitRef unit, Func<string, string, string?, string> link)
    {
        var reference = EntryReference.Format(prefix, number);
        return new(id, reference, title, owner, unit, link(unit.Code, reference, null));
    }
}

using System.Globalization;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Plans;
using Steward.Features.Raid;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// A RAID item or plan milestone a benefit is linked to: the risks that threaten it, the issues and
// dependencies in its way, the assumptions it rests on, the milestones it waits for. Part of the benefit
// (and its version), replaced as a set when the benefit changes. Reference as people quote it: R-0042, or
// a milestone as its unit's code and task number, DPP-PRJ-001#12.
public sealed class BenefitRelatedItem
{
    public const int ReferenceMaxLength = 60;

    public Guid Id { get; set; }
    public Guid BenefitId { get; set; }
    public required string Reference { get; set; }
    public Guid ItemId { get; set; }
}

public sealed record RelatedItemView(string Reference, string Title, string Href);

// Finding the items named and naming the items held.
public sealed class BenefitRelatedItems(StewardDbContext db)
{
    public const int MaxItems = 50;

    // The items each text names, in order, or a failure at related[i] for each that names nothing.
    public async Task<List<(string Reference, Guid Id)>> ResolveAsync(IReadOnlyList<string?> keys, List<ValidationFailure> failures, CancellationToken ct)
    {
        var found = new List<(string, Guid)>();
        if (keys.Count > MaxItems)
        {
            failures.Add(new ValidationFailure("related", $"Link at most {MaxItems} items, not {keys.Count}"));
            return found;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i]?.Trim().ToUpperInvariant() ?? string.Empty;
            var id = await FindAsync(key, ct);
            if (id is null)
            {
                failures.Add(new ValidationFailure($"related[{i}]", $"'{keys[i]}' is not a risk, issue, assumption or dependency (R-0042, I-0007, A-0003, D-0011) or a milestone (DPP-PRJ-001#12) in Steward"));
            }
            else if (found.All(f => f.Item1 != key))
            {
                found.Add((key, id.Value));
            }
        }

        return found;
    }

    private async Task<Guid?> FindAsync(string key, CancellationToken ct)
    {
        if (EntryReference.Parse(Risk.ReferencePrefix, key) is { } r)
        {
            return await db.Risks.Where(x => x.Number == r).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        }

        if (EntryReference.Parse(Issue.ReferencePrefix, key) is { } i)
        {
            return await db.Issues.Where(x => x.Number == i).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        }

        if (EntryReference.Parse(Assumption.ReferencePrefix, key) is { } a)
        {
            return await db.Assumptions.Where(x => x.Number == a).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        }

        if (EntryReference.Parse(Dependency.ReferencePrefix, key) is { } d)
        {
            return await db.Dependencies.Where(x => x.Number == d).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        }

        var hash = key.LastIndexOf('#');
        if (hash > 0 && int.TryParse(key[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            var code = key[..hash];
            return await db.PlanTasks.Where(t => t.Uid == uid && t.Milestone && t.Plan!.Unit!.Code == code).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    // Titles and pages of the items a benefit holds, in the order of their references.
    public async Task<IReadOnlyList<RelatedItemView>> ViewsAsync(IReadOnlyList<BenefitRelatedItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var ids = items.Select(i => i.ItemId).ToList();
        var named = new Dictionary<Guid, (string Title, string Href)>();
        foreach (var x in await db.Risks.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Title, x.Unit!.Code }).ToListAsync(ct))
        {
            named[x.Id] = (x.Title, RaidLinks.Risk(x.Code, EntryReference.Format(Risk.ReferencePrefix, x.Number)));
        }

        foreach (var x in await db.Issues.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Title, x.Unit!.Code }).ToListAsync(ct))
        {
            named[x.Id] = (x.Title, RaidLinks.Issue(x.Code, EntryReference.Format(Issue.ReferencePrefix, x.Number)));
        }

        foreach (var x in await db.Assumptions.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Statement, x.Unit!.Code }).ToListAsync(ct))
        {
            named[x.Id] = (x.Statement, RaidLinks.Assumption(x.Code, EntryReference.Format(Assumption.ReferencePrefix, x.Number)));
        }

        foreach (var x in await db.Dependencies.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Title, x.Unit!.Code }).ToListAsync(ct))
        {
            named[x.Id] = (x.Title, RaidLinks.Dependency(x.Code, EntryReference.Format(Dependency.ReferencePrefix, x.Number)));
        }

        foreach (var x in await db.PlanTasks.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Uid, t.Name, t.Plan!.Unit!.Code }).ToListAsync(ct))
        {
            named[x.Id] = (x.Name, PlanLinks.Task(x.Code, x.Uid));
        }

        // An item since deleted keeps its reference, without a page to go to.
        return items.OrderBy(i => i.Reference, StringComparer.Ordinal)
            .Select(i => named.TryGetValue(i.ItemId, out var n) ? new RelatedItemView(i.Reference, n.Title, n.Href) : new RelatedItemView(i.Reference, "(no longer in Steward)", string.Empty)).ToList();
    }
}

using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits.Map;

// A thing on the map as people name it: SO-0002, BC-0003, B-0007, a unit's code, or a milestone as its
// unit's code and its task number in the plan (DPP-PRJ-001#12).
public sealed record MapNode(MapNodeKind Kind, Guid Id, Guid UnitId, string UnitPath, string Key, string Title);

public sealed class MapNodes(StewardDbContext db)
{
    public async Task<MapNode> RequireAsync(string field, string? key, CancellationToken ct)
    {
        var text = key?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw Invalid(field, "Name what it is: a benefit (B-0007), a business change (BC-0003), a strategic objective (SO-0002), a unit's code or a milestone (DPP-PRJ-001#12)");
        }

        return await FindAsync(text, ct) ?? throw Invalid(field, $"There is nothing called '{text}' to put on the map: name a benefit (B-0007), a business change (BC-0003), a strategic objective (SO-0002), a unit's code or a milestone (DPP-PRJ-001#12)");
    }

    private async Task<MapNode?> FindAsync(string key, CancellationToken ct)
    {
        if (EntryReference.Parse(StrategicObjective.ReferencePrefix, key) is { } so)
        {
            return await db.StrategicObjectives.AsNoTracking().Where(o => o.Number == so)
                .Select(o => new MapNode(MapNodeKind.Objective, o.Id, o.UnitId, o.Unit!.Path, key.ToUpperInvariant(), o.Title)).FirstOrDefaultAsync(ct);
        }

        if (EntryReference.Parse(BusinessChange.ReferencePrefix, key) is { } bc)
        {
            return await db.BusinessChanges.AsNoTracking().Where(c => c.Number == bc)
                .Select(c => new MapNode(MapNodeKind.BusinessChange, c.Id, c.UnitId, c.Unit!.Path, key.ToUpperInvariant(), c.Title)).FirstOrDefaultAsync(ct);
        }

        if (EntryReference.Parse(Benefit.ReferencePrefix, key) is { } b)
        {
            return await db.Benefits.AsNoTracking().Where(x => x.Number == b)
                .Select(x => new MapNode(MapNodeKind.Benefit, x.Id, x.UnitId, x.Unit!.Path, key.ToUpperInvariant(), x.Title)).FirstOrDefaultAsync(ct);
        }

        var hash = key.LastIndexOf('#');
        if (hash > 0 && int.TryParse(key[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            var code = key[..hash].Trim().ToUpperInvariant();
            return await db.PlanTasks.AsNoTracking().Where(t => t.Uid == uid && t.Milestone && t.Plan!.Unit!.Code == code)
                .Select(t => new MapNode(MapNodeKind.Milestone, t.Id, t.Plan!.UnitId, t.Plan.Unit!.Path, $"{code}#{uid}", t.Name)).FirstOrDefaultAsync(ct);
        }

        var unit = key.ToUpperInvariant();
        return await db.Units.AsNoTracking().Where(u => u.Code == unit)
            .Select(u => new MapNode(MapNodeKind.Unit, u.Id, u.Id, u.Path, u.Code, u.Name)).FirstOrDefaultAsync(ct);
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

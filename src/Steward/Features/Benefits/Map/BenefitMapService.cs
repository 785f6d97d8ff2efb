using System.ComponentModel;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits.Map;

public sealed record MapRecordInput(
    [property: Description("A short name. Required.")] string? Title,
    string? Description);

public sealed record MapLinkInput(
    [property: Description("What contributes: a unit's code, a milestone (DPP-PRJ-001#12), a business change (BC-0003) or a benefit (B-0007).")] string? From,
    [property: Description("What it contributes to: a business change, a benefit or a strategic objective (SO-0002).")] string? To);

// Building a unit's benefits map: strategic objectives (at a portfolio), business changes, and the links
// between them, enablers and benefits. A link that would make a loop is refused: a map reads one way,
// from what is done to what it is for.
public sealed class BenefitMapService(StewardDbContext db, RegisterUnits units, MapNodes nodes)
{
    public const string Register = "benefits map";

    public async Task<StrategicObjective> AddObjectiveAsync(string unitKey, MapRecordInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "add strategic objectives to", Register, ct);
        var kind = await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.Kind).FirstAsync(ct);
        if (kind != UnitKind.Portfolio)
        {
            throw MapNodes.Invalid("unit", $"Strategic objectives are held at a portfolio, and {unit.Code} is a {UnitHierarchyRules.Noun(kind)}: add them to its portfolio, and choose them here on the map");
        }

        var (title, description) = Check(input, StrategicObjective.TitleMaxLength, StrategicObjective.TextMaxLength);
        return await db.AddNumberedAsync(db.StrategicObjectives, new StrategicObjective { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = title, Description = description }, ct);
    }

    public async Task<BusinessChange> AddChangeAsync(string unitKey, MapRecordInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "add business changes to", Register, ct);
        var (title, description) = Check(input, BusinessChange.TitleMaxLength, BusinessChange.TextMaxLength);
        return await db.AddNumberedAsync(db.BusinessChanges, new BusinessChange { Id = Guid.CreateVersion7(), UnitId = unit.Id, Title = title, Description = description }, ct);
    }

    public async Task<BenefitMapLink> LinkAsync(string unitKey, MapLinkInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "change the benefits map of", Register, ct);
        var from = await nodes.RequireAsync("from", input.From, ct);
        var to = await nodes.RequireAsync("to", input.To, ct);
        if (!BenefitMapLink.Allowed(from.Kind, to.Kind))
        {
            throw MapNodes.Invalid("to", $"A {Name(from.Kind)} cannot contribute to a {Name(to.Kind)}: enablers lead to business changes or benefits, business changes to business changes or benefits, benefits to benefits or strategic objectives");
        }

        // Everything on a unit's map is at or below it, but for the objectives it serves, which are above it.
        foreach (var (field, node) in new[] { ("from", from), ("to", to) })
        {
            var within = node.UnitPath.StartsWith(unit.Path, StringComparison.Ordinal);
            var above = node.Kind == MapNodeKind.Objective && unit.Path.StartsWith(node.UnitPath, StringComparison.Ordinal);
            if (!within && !above)
            {
                throw MapNodes.Invalid(field, $"{node.Key} is not part of {unit.Code} or the units below it{(node.Kind == MapNodeKind.Objective ? ", nor an objective of a portfolio above it" : string.Empty)}");
            }
        }

        if (await db.BenefitMapLinks.AnyAsync(l => l.FromId == from.Id && l.ToId == to.Id, ct))
        {
            throw MapNodes.Invalid("to", $"{from.Key} already contributes to {to.Key}");
        }

        if (from.Id == to.Id || await ReachesAsync(to.Id, from.Id, ct))
        {
            throw MapNodes.Invalid("to", $"{from.Key} → {to.Key} would make a loop: {to.Key} already contributes, directly or through others, to {from.Key}");
        }

        var link = new BenefitMapLink { Id = Guid.CreateVersion7(), UnitId = from.UnitId, FromKind = from.Kind, FromId = from.Id, ToKind = to.Kind, ToId = to.Id };
        db.BenefitMapLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task UnlinkAsync(string unitKey, Guid linkId, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Amend, "change the benefits map of", Register, ct);
        var below = db.IdsUnder(unit.Path);
        var link = await db.BenefitMapLinks.FirstOrDefaultAsync(l => l.Id == linkId && below.Contains(l.UnitId), ct)
            ?? throw new RecordNotFoundException("benefits map link", linkId.ToString());
        db.BenefitMapLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }

    // Whether following links forward from one node arrives at another: a frontier at a time, so a map of
    // any size costs one query per step of its longest chain.
    private async Task<bool> ReachesAsync(Guid start, Guid target, CancellationToken ct)
    {
        var seen = new HashSet<Guid> { start };
        var frontier = new List<Guid> { start };
        while (frontier.Count > 0)
        {
            var next = await db.BenefitMapLinks.AsNoTracking().Where(l => frontier.Contains(l.FromId)).Select(l => l.ToId).ToListAsync(ct);
            if (next.Contains(target))
            {
                return true;
            }

            frontier = next.Where(seen.Add).ToList();
        }

        return false;
    }

    public static string Name(MapNodeKind kind) => kind switch
    {
        MapNodeKind.Unit => "unit",
        MapNodeKind.Milestone => "milestone",
        MapNodeKind.BusinessChange => "business change",
        MapNodeKind.Benefit => "benefit",
        _ => "strategic objective",
    };

    private static (string Title, string? Description) Check(MapRecordInput input, int titleMax, int textMax)
    {
        var failures = new List<ValidationFailure>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            failures.Add(new ValidationFailure("title", "Enter a title"));
        }
        else if (title.Length > titleMax)
        {
            failures.Add(new ValidationFailure("title", $"Must be {titleMax} characters or fewer, not {title.Length}"));
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > textMax)
        {
            failures.Add(new ValidationFailure("description", $"Must be {textMax} characters or fewer, not {description.Length}"));
        }

        return failures.Count > 0 ? throw new FluentValidation.ValidationException(failures) : (title!, description);
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Reads of dependencies: those a unit and the units below it need and provide, and one dependency.
public sealed class DependencyQueries(StewardDbContext db, RegisterUnits registerUnits, TimeProvider clock) : RaidRegisterReads(registerUnits, clock)
{
    public async Task<CursorPage<DependencyView>> DependenciesAsync(IUnitLocation unit, DependencyFilter filter, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var rows = await ProjectDependencies(FilterDependencies(unit, filter).Skip(page.Offset).Take(page.Limit + 1)).ToListAsync(ct);
        var items = rows.Take(page.Limit).Select(ToView).ToList();
        return new CursorPage<DependencyView>(items, rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every dependency the filter matches, for a spreadsheet.
    public async Task<List<DependencyView>> DependencyRowsAsync(IUnitLocation unit, DependencyFilter filter, CancellationToken ct = default) =>
        (await ProjectDependencies(FilterDependencies(unit, filter)).ToListAsync(ct)).Select(ToView).ToList();

    private IQueryable<Dependency> FilterDependencies(IUnitLocation unit, DependencyFilter filter)
    {
        var below = db.IdsUnder(unit.Path);
        var dependencies = db.Dependencies.AsNoTracking();
        dependencies = filter.Direction switch
        {
            "needs" => dependencies.Where(d => below.Contains(d.UnitId)),
            "provides" => dependencies.Where(d => d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value)),
            "both" => dependencies.Where(d => below.Contains(d.UnitId) || (d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value))),
            _ => throw new ValidationException([new ValidationFailure("direction", "direction must be needs, provides or both")]),
        };
        if (filter.Status is { } status)
        {
            dependencies = dependencies.Where(d => d.Status == status);
        }
        else if (filter.OpenOnly)
        {
            dependencies = dependencies.Where(d => d.Status != DependencyStatus.Delivered && d.Status != DependencyStatus.Broken);
        }

        if (filter.Late)
        {
            dependencies = dependencies.Where(d => d.CommittedDate != null && d.CommittedDate > d.NeededBy);
        }

        if (filter.Escalated)
        {
            dependencies = dependencies.Where(d => d.EscalatedToId == unit.Id);
        }

        // Either side's owner: someone asking for their dependencies owns what they need and what they provide.
        if (filter.OwnerId is { } owner)
        {
            dependencies = dependencies.Where(d => d.OwnerId == owner || d.ProviderOwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            dependencies = dependencies.Where(d => d.Title.ToLower().Contains(text));
        }

        return dependencies.OrderBy(d => d.NeededBy).ThenBy(d => d.Number);
    }

    public async Task<DependencyView> DependencyAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Dependency.ReferencePrefix, reference) ?? throw new RecordNotFoundException("dependency", reference);
        // Found from either side: the unit that needs it, the unit that provides it, or a unit above either,
        // whose registers list it, so a provider's people can open what they are asked for.
        var below = db.IdsUnder(unit.Path);
        var row = await ProjectDependencies(db.Dependencies.AsNoTracking()
                .Where(d => d.Number == number && (below.Contains(d.UnitId) || (d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value)))))
            .FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("dependency", reference);
        return ToView(row);
    }

    private static IQueryable<DependencyRow> ProjectDependencies(IQueryable<Dependency> dependencies) =>
        dependencies.Select(d => new DependencyRow(
            d,
            new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind),
            d.ProviderUnit == null ? null : new UnitRef(d.ProviderUnit.Id, d.ProviderUnit.Code, d.ProviderUnit.Name, d.ProviderUnit.Kind),
            new PersonRef(d.Owner!.Id, d.Owner.Name, d.Owner.Email),
            d.ProviderOwner == null ? null : new PersonRef(d.ProviderOwner.Id, d.ProviderOwner.Name, d.ProviderOwner.Email),
            d.EscalatedTo == null ? null : new UnitRef(d.EscalatedTo.Id, d.EscalatedTo.Code, d.EscalatedTo.Name, d.EscalatedTo.Kind)));

    private static DependencyView ToView(DependencyRow row)
    {
        var d = row.Dependency;
        return new DependencyView(
            d.Id, d.Reference, row.Unit, d.Title, d.Description, row.Provider, d.ExternalParty, d.NeededBy, d.CommittedDate, d.IsLate, d.WorkingDaysLate,
            row.Owner, row.ProviderOwner, d.Status, d.StatusReason, row.EscalatedTo is { } to ? new Escalation(to, d.EscalatedByHand, d.EscalationReason) : null,
            d.Version, d.CreatedAt, d.UpdatedAt);
    }

    private sealed record DependencyRow(Dependency Dependency, UnitRef Unit, UnitRef? Provider, PersonRef Owner, PersonRef? ProviderOwner, UnitRef? EscalatedTo);
}

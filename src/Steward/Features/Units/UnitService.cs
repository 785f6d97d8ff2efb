using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// Every change to the delivery tree goes through here, whether it comes from a page, the API or the CLI,
// so all three give the same errors and the same access checks. In the permission matrix's Delivery area:
// adding a unit under a parent or editing one is "contribute"; moving, closing and archiving are "approve";
// adding a portfolio (a unit with no parent) is "administer" on the whole department.
public sealed class UnitService(StewardDbContext db, TimeProvider clock, AccessPolicy access, AccessCache cache, IEnumerable<ISubtreeMoveFollower> followers)
{
    // Lets a form report every problem at once, even when some of its own fields could not be read.
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(CreateUnit input, CancellationToken ct = default) =>
        (await ValidateAsync(Normalise(input), ct)).Failures;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(Guid id, UpdateUnit input, CancellationToken ct = default) =>
        (await new UpdateUnitValidator(db, id).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<DeliveryUnit> CreateAsync(CreateUnit input, CancellationToken ct = default)
    {
        input = Normalise(input);
        var (failures, parent) = await ValidateAsync(input, ct);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await access.DemandAsync(PmoArea.Delivery, parent is null ? PmoAction.Administer : PmoAction.Contribute, parent?.Path,
            parent is null ? "add portfolios to the department" : $"add units under {parent.Code}", ct);

        var id = Guid.CreateVersion7();
        var unit = new DeliveryUnit
        {
            Id = id,
            Path = UnitPath.Child(parent?.Path, id),
            Code = input.Code!,
            Name = input.Name!,
            Kind = input.Kind!.Value,
            ParentId = input.ParentId,
            Category = input.Category ?? UnitCategory.Other,
            Stage = input.Stage ?? LifecycleStage.Concept,
            Status = UnitStatus.Active,
            Description = input.Description,
            Aims = input.Aims,
            SroId = input.SroId,
            ManagerId = input.ManagerId,
            PmoContactId = input.PmoContactId,
            BaselineStart = input.BaselineStart,
            BaselineEnd = input.BaselineEnd,
            ForecastStart = input.ForecastStart,
            ForecastEnd = input.ForecastEnd,
        };
        RefuseIfTooDeep(unit.Path);
        db.Units.Add(unit);
        await SaveAsync(unit, ct);
        return unit;
    }

    public async Task<DeliveryUnit> UpdateAsync(Guid id, int expectedVersion, UpdateUnit input, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, PmoAction.Contribute, "change", ct);
        RefuseIfArchived(unit);
        input = Normalise(input);
        await new UpdateUnitValidator(db, id).ValidateAndThrowAsync(input, ct);

        var recoded = unit.Code != input.Code;
        unit.Code = input.Code!;
        unit.Name = input.Name!;
        unit.Category = input.Category!.Value;
        unit.Stage = input.Stage!.Value;
        if (unit.IsOpen && input.Status is { } status)
        {
            unit.Status = status;
        }

        unit.Description = input.Description;
        unit.Aims = input.Aims;
        unit.SroId = input.SroId;
        unit.ManagerId = input.ManagerId;
        unit.PmoContactId = input.PmoContactId;
        unit.BaselineStart = input.BaselineStart;
        unit.BaselineEnd = input.BaselineEnd;
        unit.ForecastStart = input.ForecastStart;
        unit.ForecastEnd = input.ForecastEnd;
        await SaveAsync(unit, ct);
        if (recoded)
        {
            // URLs name units by code: a cached code must not lead to the wrong place in the tree.
            await cache.ChangedAsync(db, ct);
        }

        return unit;
    }

    public async Task<DeliveryUnit> MoveAsync(Guid id, int expectedVersion, Guid? newParentId, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, PmoAction.Approve, "move", ct);
        RefuseIfArchived(unit);
        var parent = await ParentForAsync(newParentId, ct);
        if (await WhyCannotMoveAsync(unit, newParentId, ct) is { } reason)
        {
            throw new ValidationException([new ValidationFailure(nameof(DeliveryUnit.ParentId), reason)]);
        }

        await access.DemandAsync(PmoArea.Delivery, parent is null ? PmoAction.Administer : PmoAction.Contribute, parent?.Path,
            parent is null ? "make units top level" : $"move units under {parent.Code}", ct);

        // The unit and everything below it take the new path in one transaction.
        var oldPath = unit.Path;
        var newPath = UnitPath.Child(parent?.Path, unit.Id);
        RefuseIfTooDeep(newPath);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        unit.ParentId = newParentId;
        unit.Path = newPath;
        await SaveAsync(unit, ct);
#pragma warning disable CA1845 // translated to SQL, where spans do not exist
        await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Path, u => newPath + u.Path.Substring(oldPath.Length)), ct);
#pragma warning restore CA1845
        foreach (var follower in followers)
        {
            await follower.FollowAsync(newPath, ct);
        }

        await transaction.CommitAsync(ct);
        await cache.ChangedAsync(db, ct);
        return unit;
    }

    public async Task<DeliveryUnit> CloseAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, PmoAction.Approve, "close", ct);
        if (!unit.IsOpen)
        {
            throw new RecordStateConflictException($"{unit.Code} is already {unit.Status.ToString().ToLowerInvariant()}.");
        }

        var openChildren = await db.Units.CountAsync(u => u.ParentId == id && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused), ct);
        if (openChildren > 0)
        {
            throw new RecordStateConflictException(
                $"{unit.Code} still holds {openChildren} open {(openChildren == 1 ? "unit" : "units")}; close or move {(openChildren == 1 ? "it" : "them")} first.");
        }

        unit.Status = UnitStatus.Closed;
        unit.Stage = LifecycleStage.Closed;
        unit.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(unit, ct);
        return unit;
    }

    public async Task<DeliveryUnit> ArchiveAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, PmoAction.Approve, "archive", ct);
        if (unit.Status != UnitStatus.Closed)
        {
            throw new RecordStateConflictException(unit.Status == UnitStatus.Archived
                ? $"{unit.Code} is already archived."
                : $"{unit.Code} is {unit.Status.ToString().ToLowerInvariant()}; close it before archiving it.");
        }

        var unarchivedChildren = await db.Units.CountAsync(u => u.ParentId == id && u.Status != UnitStatus.Archived, ct);
        if (unarchivedChildren > 0)
        {
            throw new RecordStateConflictException($"{unit.Code} still holds {unarchivedChildren} units that are not archived; archive them first.");
        }

        unit.Status = UnitStatus.Archived;
        unit.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(unit, ct);
        return unit;
    }

    private async Task<string?> WhyCannotMoveAsync(DeliveryUnit unit, Guid? newParentId, CancellationToken ct)
    {
        if (newParentId is null)
        {
            return UnitHierarchyRules.WhyNotUnder(unit.Kind, null);
        }

        if (newParentId == unit.Id)
        {
            return $"{unit.Code} cannot be moved under itself";
        }

        var parent = await db.Units.AsNoTracking().Where(u => u.Id == newParentId)
            .Select(u => new { u.Id, u.Code, u.Kind, u.Status, u.ParentId }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            return $"No unit has the id {newParentId}";
        }

        if (UnitHierarchyRules.WhyNotUnder(unit.Kind, parent.Kind) is { } levelReason)
        {
            return levelReason;
        }

        if (parent.Status is UnitStatus.Closed or UnitStatus.Archived)
        {
            return $"{parent.Code} is {parent.Status.ToString().ToLowerInvariant()}; choose an open parent";
        }

        // Walk up from the new parent: meeting the unit itself means the move would make a loop.
        var ancestorId = parent.ParentId;
        while (ancestorId is { } current)
        {
            if (current == unit.Id)
            {
                return $"{parent.Code} sits under {unit.Code}, so moving {unit.Code} there would make a loop";
            }

            ancestorId = await db.Units.Where(u => u.Id == current).Select(u => u.ParentId).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    // A unit the actor may not see is not found; one they may see but not change this way is refused.
    private async Task<DeliveryUnit> LoadForChangeAsync(Guid id, int expectedVersion, PmoAction action, string verb, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !await access.CanSeeAsync(unit.Path, ct))
        {
            throw new RecordNotFoundException("unit", id.ToString());
        }

        await access.DemandAsync(PmoArea.Delivery, action, unit.Path, $"{verb} {unit.Code}", ct);
        if (unit.Version != expectedVersion)
        {
            throw new StaleVersionException(unit.Code, expectedVersion, unit.Version);
        }

        return unit;
    }

    private async Task<(List<ValidationFailure> Failures, ParentScope? Parent)> ValidateAsync(CreateUnit input, CancellationToken ct)
    {
        var failures = (await new CreateUnitValidator(db).ValidateAsync(input, ct)).Errors;
        var parent = await VisibleParentAsync(input.ParentId, ct);
        if (input.ParentId is { } parentId && parent is null)
        {
            failures.RemoveAll(f => f.PropertyName == nameof(DeliveryUnit.ParentId));
            failures.Add(new ValidationFailure(nameof(DeliveryUnit.ParentId), $"No unit has the id {parentId}"));
        }

        return (failures, parent);
    }

    // A parent the actor may not see is reported exactly as one that does not exist.
    private async Task<ParentScope?> VisibleParentAsync(Guid? parentId, CancellationToken ct)
    {
        if (parentId is not { } id)
        {
            return null;
        }

        var parent = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new ParentScope(u.Code, u.Path)).FirstOrDefaultAsync(ct);
        return parent is not null && await access.CanSeeAsync(parent.Path, ct) ? parent : null;
    }

    private async Task<ParentScope?> ParentForAsync(Guid? parentId, CancellationToken ct) =>
        await VisibleParentAsync(parentId, ct) ?? (parentId is null ? null
            : throw new ValidationException([new ValidationFailure(nameof(DeliveryUnit.ParentId), $"No unit has the id {parentId}")]));

    private static void RefuseIfTooDeep(string path)
    {
        if (path.Length > DeliveryUnit.PathMaxLength)
        {
            throw new ValidationException([new ValidationFailure(nameof(DeliveryUnit.ParentId), "The tree cannot be that deep; choose a parent nearer the top")]);
        }
    }

    private sealed record ParentScope(string Code, string Path);

    private static void RefuseIfArchived(DeliveryUnit unit)
    {
        if (unit.Status == UnitStatus.Archived)
        {
            throw new RecordStateConflictException($"{unit.Code} is archived and can no longer be changed.");
        }
    }

    private async Task SaveAsync(DeliveryUnit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.Version).FirstOrDefaultAsync(ct);
            throw new StaleVersionException(unit.Code, unit.Version - 1, current);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(unit).State = EntityState.Detached;
            throw new ValidationException([new ValidationFailure(nameof(DeliveryUnit.Code), $"A unit with the code {unit.Code} already exists")]);
        }
    }

    private static CreateUnit Normalise(CreateUnit input) => input with
    {
        Code = NormaliseCode(input.Code),
        Name = input.Name?.Trim(),
        Description = Blank(input.Description),
        Aims = Blank(input.Aims),
    };

    private static UpdateUnit Normalise(UpdateUnit input) => input with
    {
        Code = NormaliseCode(input.Code),
        Name = input.Name?.Trim(),
        Description = Blank(input.Description),
        Aims = Blank(input.Aims),
    };

    private static string? NormaliseCode(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// Every change to the delivery tree goes through here, whether it comes from a page, the API or the CLI,
// so all three give the same errors.
public sealed class UnitService(StewardDbContext db, TimeProvider clock)
{
    // Lets a form report every problem at once, even when some of its own fields could not be read.
    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(CreateUnit input, CancellationToken ct = default) =>
        (await new CreateUnitValidator(db).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<IReadOnlyList<ValidationFailure>> CheckAsync(Guid id, UpdateUnit input, CancellationToken ct = default) =>
        (await new UpdateUnitValidator(db, id).ValidateAsync(Normalise(input), ct)).Errors;

    public async Task<DeliveryUnit> CreateAsync(CreateUnit input, CancellationToken ct = default)
    {
        input = Normalise(input);
        await new CreateUnitValidator(db).ValidateAndThrowAsync(input, ct);

        var unit = new DeliveryUnit
        {
            Id = Guid.CreateVersion7(),
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
        db.Units.Add(unit);
        await SaveAsync(unit, ct);
        return unit;
    }

    public async Task<DeliveryUnit> UpdateAsync(Guid id, int expectedVersion, UpdateUnit input, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, ct);
        RefuseIfArchived(unit);
        input = Normalise(input);
        await new UpdateUnitValidator(db, id).ValidateAndThrowAsync(input, ct);

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
        return unit;
    }

    public async Task<DeliveryUnit> MoveAsync(Guid id, int expectedVersion, Guid? newParentId, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, ct);
        RefuseIfArchived(unit);
        if (await WhyCannotMoveAsync(unit, newParentId, ct) is { } reason)
        {
            throw new ValidationException([new ValidationFailure(nameof(DeliveryUnit.ParentId), reason)]);
        }

        unit.ParentId = newParentId;
        await SaveAsync(unit, ct);
        return unit;
    }

    public async Task<DeliveryUnit> CloseAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var unit = await LoadForChangeAsync(id, expectedVersion, ct);
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
        var unit = await LoadForChangeAsync(id, expectedVersion, ct);
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

    private async Task<DeliveryUnit> LoadForChangeAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new RecordNotFoundException("unit", id.ToString());
        if (unit.Version != expectedVersion)
        {
            throw new StaleVersionException(unit.Code, expectedVersion, unit.Version);
        }

        return unit;
    }

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

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// The steps the four RAID registers share: finding the unit an entry goes on, loading an entry for a
// change, placing it where the tolerances say (RaidEscalation), escalating and handing back by hand,
// and the unit's RAID tolerances. In the permission matrix's RAID area, raising and editing is
// "contribute"; closing, realising and handing back down is "approve".
public sealed class RaidLog(StewardDbContext db, RegisterUnits units, RegisterEntries entries, AccessPolicy access, RaidEscalation escalation, ToleranceService tolerances, TimeProvider clock)
{
    public const string Register = "RAID log";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // verb: what is being done, for a refusal ("raise risks on").
    public Task<RegisterUnit> OpenUnitAsync(string unitKey, string verb, CancellationToken ct) =>
        units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, verb, Register, ct);

    public Task<(T Entry, RegisterUnit Unit)> LoadAsync<T>(Guid id, int expectedVersion, PmoAction action, string verb, CancellationToken ct)
        where T : class, IRaidItem => entries.LoadAsync<T>(PmoArea.Raid, action, id, expectedVersion, verb, Register, ct);

    // A new entry, placed by the tolerances and given the next number of its kind.
    public async Task<T> AddAsync<T>(DbSet<T> register, T item, string unitPath, CancellationToken ct)
        where T : class, IRaidItem
    {
        await escalation.PlaceAsync(item, unitPath, ct);
        return await db.AddNumberedAsync(register, item, ct);
    }

    // A changed entry, placed again by the tolerances (a rescored risk may move up or down) and saved.
    public async Task<T> SaveAsync<T>(T item, string unitPath, CancellationToken ct)
        where T : class, IRaidItem
    {
        await escalation.PlaceAsync(item, unitPath, ct);
        await entries.SaveAsync(item.Reference, item.Version, ct);
        return item;
    }

    public Task SaveAsync(IRaidItem item, CancellationToken ct) => entries.SaveAsync(item.Reference, item.Version, ct);

    // One level up the tree from where the item is now, with the reason; tolerances no longer move it.
    public async Task<T> EscalateAsync<T>(Guid id, int expectedVersion, string? reason, Func<T, bool> open, CancellationToken ct)
        where T : class, IRaidItem
    {
        var (item, unit) = await LoadAsync<T>(id, expectedVersion, PmoAction.Contribute, "escalate", ct);
        reason = RequireReason(reason, "escalated");
        if (!open(item))
        {
            throw new RecordStateConflictException($"{item.Reference} is closed; only open items are escalated.");
        }

        var levels = UnitPath.Ids(unit.Path);
        var current = levels.IndexOf(item.EscalatedToId ?? item.UnitId);
        if (current <= 0)
        {
            throw new RecordStateConflictException($"{item.Reference} is already at the top of the tree; there is nowhere higher to escalate it.");
        }

        item.EscalatedToId = levels[current - 1];
        item.EscalatedByHand = true;
        item.EscalationReason = reason;
        await SaveAsync(item, ct);
        return item;
    }

    // One level back down, decided at the level that holds it now (approve there), with the reason.
    public async Task<T> DeEscalateAsync<T>(Guid id, int expectedVersion, string? reason, CancellationToken ct)
        where T : class, IRaidItem
    {
        var (item, unit) = await LoadAsync<T>(id, expectedVersion, PmoAction.Read, "de-escalate", ct);
        reason = RequireReason(reason, "handed back");
        if (item.EscalatedToId is not { } heldAt)
        {
            throw new RecordStateConflictException($"{item.Reference} is not escalated; its own unit holds it.");
        }

        var levels = UnitPath.Ids(unit.Path);
        var current = levels.IndexOf(heldAt);
        await access.DemandAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(unit.Path, heldAt), $"hand {item.Reference} back down", ct);
        var below = levels[current + 1];
        item.EscalatedToId = below == item.UnitId ? null : below;
        item.EscalatedByHand = true;
        item.EscalationReason = reason;
        await SaveAsync(item, ct);
        return item;
    }

    // A unit's own RAID tolerances (empty fields inherit from above), kept by the tolerance engine, which
    // places every item below again at once. Fields are validated here in the words of the RAID pages.
    public async Task SetTolerancesAsync(string unitKey, int? expectedVersion, int? riskScore, IssuePriority? issuePriority, int? dependencyLateDays, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Approve, unitKey, RecordChange.Commitment, "set the RAID tolerances of", "tolerances", ct);
        if (riskScore is < 1 or > 25)
        {
            throw new ValidationException([new ValidationFailure("riskScore", $"A risk score tolerance must be from 1 to 25 (likelihood × impact), not {riskScore}")]);
        }

        if (dependencyLateDays is < 0 or > 260)
        {
            throw new ValidationException([new ValidationFailure("dependencyLateDays", $"Dependency lateness must be from 0 to 260 working days, not {dependencyLateDays}")]);
        }

        await tolerances.SetAsync(unit.Id.ToString(), expectedVersion, new Dictionary<ToleranceDimension, (decimal?, decimal?)>
        {
            [ToleranceDimension.Risk] = (RaidTolerance.HeldScore(riskScore), null),
            [ToleranceDimension.Issues] = (RaidTolerance.HeldSeverity(issuePriority), null),
            [ToleranceDimension.Dependencies] = (dependencyLateDays, null),
        }, ct);
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string RequireReason(string? reason, string verb)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ValidationException([new ValidationFailure("reason", $"Say why it is being {verb}")]);
        }

        return trimmed.Length <= RaidTolerance.ReasonMaxLength ? trimmed
            : throw new ValidationException([new ValidationFailure("reason", $"Reason must be {RaidTolerance.ReasonMaxLength} characters or fewer")]);
    }
}

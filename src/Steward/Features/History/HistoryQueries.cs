using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.History;

// Newest first, paged by event id, which only grows.
public sealed class HistoryQueries(StewardDbContext db, Access.AccessPolicy access, IEnumerable<IHistoryNames> modules)
{
    // What a form says when its record was saved by someone else meanwhile: who and when, from the
    // record's last history event. The form keeps what was typed; saving again is a deliberate choice.
    public async Task<string> ChangedWhileEditingAsync(Guid recordId, string what, string where, CancellationToken ct = default) =>
        (await ListAsync(new HistoryFilter(RecordId: recordId, Limit: 1), ct)).Items is [var latest, ..]
            ? $"{what} was changed by {latest.Actor.Split(" (")[0]} at {UkFormat.Time(latest.At)} while you were editing. Check their changes on {where}, then save again to keep yours."
            : $"{what} was changed by someone else while you were editing. Check their changes on {where}, then save again to keep yours.";

    public async Task<CursorPage<HistoryEntry>> ListAsync(HistoryFilter filter, CancellationToken ct = default)
    {
        if (filter.Limit is < 1 or > 500)
        {
            throw new ValidationException([new ValidationFailure("limit", "Limit must be between 1 and 500")]);
        }

        var events = db.History.AsNoTracking();
        if (filter.RecordId is { } recordId)
        {
            events = events.Where(e => e.RecordId == recordId);
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            events = events.Where(e => e.RecordType == filter.RecordType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Channel))
        {
            events = events.Where(e => e.Channel == filter.Channel);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            events = events.Where(e => e.Actor.ToLower().Contains(actor));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.At < end);
        }

        if (filter.Before is { } before)
        {
            events = events.Where(e => e.Id < before);
        }

        var rows = await events.OrderByDescending(e => e.Id).Take(filter.Limit + 1).ToListAsync(ct);
        var next = rows.Count > filter.Limit ? rows[filter.Limit - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new CursorPage<HistoryEntry>(rows.Take(filter.Limit).Select(ToEntry).ToList(), next);
    }

    // Ids in "…Id" fields read better as the unit's code and name or the person's name.
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<HistoryEntry> entries, CancellationToken ct = default)
    {
        var ids = entries.SelectMany(e => e.Changes)
            .Where(c => c.Field.EndsWith("Id", StringComparison.Ordinal))
            .SelectMany(c => new[] { c.From, c.To })
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Path, Label = u.Code + " " + u.Name }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Label = p.Name }).ToListAsync(ct);
        var names = people.ToDictionary(x => x.Id.ToString(), x => x.Label);
        foreach (var module in modules)
        {
            foreach (var (id, name) in await module.NamesAsync(ids, ct))
            {
                names[id.ToString()] = name;
            }
        }

        foreach (var unit in units)
        {
            // A unit the reader may not see (a former parent elsewhere in the tree) is not named.
            names[unit.Id.ToString()] = await access.CanSeeAsync(unit.Path, ct) ? unit.Label : "a unit you do not have access to";
        }

        return names;
    }

    public static long? ParseCursor(string? cursor) =>
        cursor is null ? null
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw new ValidationException([new ValidationFailure("cursor", "Cursor is not one this API gave out; start again without it")]);

    private static HistoryEntry ToEntry(HistoryEvent e) =>
        new(e.Id, e.RecordType, e.RecordId, e.Action, e.Actor, e.Channel, e.At, e.Version, HistoryJson.Read(e.Changes));
}

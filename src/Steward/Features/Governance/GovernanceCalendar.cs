using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Tokens;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Private calendar addresses: a unit's board meetings, action due dates and key milestones, for Outlook or any
// calendar that subscribes to iCalendar. The address is the secret; its owner can revoke it.
public sealed class GovernanceCalendar(StewardDbContext db, UnitQueries units, AccessPolicy access, ChangeContext who, TimeProvider clock, Plans.PlanQueries plans)
{
    public const string SecretScheme = "cal_";
    private const int PastDays = 92;
    private const int FutureDays = 400;
    private const int MaxEvents = 5000;

    public async Task<(CalendarFeed Feed, string Secret)> CreateAsync(string unitKey, CancellationToken ct = default)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(PmoArea.Governance, PmoAction.Read, unit.Path, $"subscribe to the calendar of {unit.Code}", ct);
        var userId = who.UserId ?? throw new RecordStateConflictException("A calendar address belongs to a person's account; the command line has none.");
        var secret = SecretScheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new CalendarFeed
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, UserId = userId, SecretHash = TokenSecret.Hash(secret), Prefix = secret[..10],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return (feed, secret);
    }

    public async Task<IReadOnlyList<CalendarFeedView>> MineAsync(UnitView unit, CancellationToken ct = default)
    {
        var userId = who.UserId;
        return await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.UnitId == unit.Id).OrderByDescending(f => f.CreatedAt)
            .Select(f => new CalendarFeedView(f.Id, new UnitRef(f.Unit!.Id, f.Unit.Code, f.Unit.Name, f.Unit.Kind), f.Prefix, f.CreatedAt, f.RevokedAt))
            .ToListAsync(ct);
    }

    // Only the account that made an address can revoke it; anyone else is told it is not there.
    public async Task RevokeAsync(UnitView unit, Guid id, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && f.UnitId == unit.Id && f.UserId == who.UserId, ct)
            ?? throw new RecordNotFoundException("calendar address", id.ToString());
        feed.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    // The feed as its owner may see it now: null when the address is unknown, revoked, or its owner has
    // lost the account or the right to read the unit's governance records.
    public async Task<string?> RenderAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretScheme, StringComparison.Ordinal) || secret.Length > 64)
        {
            return null;
        }

        var hash = TokenSecret.Hash(secret);
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.SecretHash == hash && f.RevokedAt == null)
            .Select(f => new { f.UserId, f.Unit!.Id, f.Unit.Kind, f.Unit.Code, f.Unit.Name, f.Unit.Path, Disabled = db.Users.Any(u => u.Id == f.UserId && u.IsDisabled) })
            .FirstOrDefaultAsync(ct);
        if (feed is null || feed.Disabled)
        {
            return null;
        }

        who.UserId = feed.UserId;
        who.IsReadOnly = true;
        if (!await access.CanAsync(PmoArea.Governance, PmoAction.Read, feed.Path, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = new Calendar { ProductId = "-//Steward//PMO governance//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"{feed.Code} {feed.Name}: boards and actions");
        var from = now.AddDays(-PastDays);
        var to = now.AddDays(FutureDays);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Board!.Unit!.Path.StartsWith(feed.Path) && m.StartsAt >= from && m.StartsAt <= to)
            .OrderBy(m => m.StartsAt).Take(MaxEvents)
            .Select(m => new { m.Id, Board = m.Board!.Name, m.Board.Unit!.Code, m.StartsAt, m.DurationMinutes, m.Location, m.Status, m.UpdatedAt, Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => a.Title).ToList() })
            .ToListAsync(ct);
        foreach (var m in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{m.Id}@steward",
                Summary = $"{m.Board} ({m.Code})",
                Location = m.Location,
                Description = m.Agenda.Count == 0 ? null : "Agenda:\n" + string.Join("\n", m.Agenda.Select((title, i) => $"{i + 1}. {title}")),
                Start = new CalDateTime(m.StartsAt),
                End = new CalDateTime(m.StartsAt.AddMinutes(m.DurationMinutes)),
                Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                LastModified = new CalDateTime(m.UpdatedAt),
                DtStamp = new CalDateTime(now),
            });
        }

        var firstDue = DateOnly.FromDateTime(from);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Unit!.Path.StartsWith(feed.Path) && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn >= firstDue)
            .OrderBy(a => a.DueOn).Take(MaxEvents)
            .Select(a => new { a.Id, a.Number, a.Description, Owner = a.Owner!.Name, a.Unit!.Code, a.DueOn, a.UpdatedAt })
            .ToListAsync(ct);
        foreach (var a in actions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"action-{a.Id}@steward",
                Summary = $"Action {EntryReference.Format(ActionItem.ReferencePrefix, a.Number)} due ({a.Owner}): {a.Description}",
                Description = $"{a.Code}: {a.Description}\nOwner: {a.Owner}",
                Start = new CalDateTime(a.DueOn.Year, a.DueOn.Month, a.DueOn.Day),
                End = new CalDateTime(a.DueOn.AddDays(1).Year, a.DueOn.AddDays(1).Month, a.DueOn.AddDays(1).Day),
                Transparency = TransparencyType.Transparent,
                LastModified = new CalDateTime(a.UpdatedAt),
                DtStamp = new CalDateTime(now),
            });
        }

        // Key milestones on their forecast day, for those who may read plans; a slip moves the event.
        if (await access.CanAsync(PmoArea.Planning, PmoAction.Read, feed.Path, ct))
        {
            foreach (var m in await plans.CalendarMilestonesAsync(feed.Id, feed.Path, feed.Kind, from, to, MaxEvents, ct))
            {
                var day = DateOnly.FromDateTime(m.Forecast);
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"milestone-{m.Id}@steward",
                    Summary = $"Milestone ({m.UnitCode}): {m.Name}",
                    Description = $"{m.UnitCode}, task {m.Uid}: forecast {day:d MMMM yyyy}",
                    Start = new CalDateTime(day.Year, day.Month, day.Day),
                    End = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
                    Transparency = TransparencyType.Transparent,
                    LastModified = new CalDateTime(m.UpdatedAt),
                    DtStamp = new CalDateTime(now),
                });
            }
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }
}

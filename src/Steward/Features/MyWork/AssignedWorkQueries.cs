using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure.Work;

namespace Steward.Features.MyWork;

public sealed record WorkItemView(string Kind, string KindLabel, string Reference, string Title, string UnitCode, string UnitName, DateOnly? Due, bool Overdue, bool DueToday, string Link);

public sealed record MyWorkView(IReadOnlyList<WorkItemView> Items, int Overdue, int DueToday, IReadOnlyList<WorkKind> Kinds);

// Everything assigned to one person across the tree, from every register's IWorkSource, soonest due first
// (overdue at the top, undated at the end), optionally of one kind and within one unit and those below it.
public sealed class AssignedWorkQueries(StewardDbContext db, IEnumerable<IWorkSource> sources, ChangeContext who, TimeProvider clock)
{
    public IReadOnlyList<WorkKind> Kinds { get; } = sources.SelectMany(s => s.Kinds).ToList();

    public async Task<MyWorkView> MineAsync(string? kind, string? unit, CancellationToken ct) =>
        await OfAsync(await ActingPerson.IdAsync(db, who, ct), kind, unit, ct);

    // Someone's work as the command line asks for it, by their e-mail address.
    public async Task<MyWorkView> OfAsync(string email, string? kind, string? unit, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Email == email.Trim()).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new ValidationFailure("person", $"No one in Steward has the e-mail address '{email.Trim()}'")]);
        return await OfAsync(person, kind, unit, ct);
    }

    private async Task<MyWorkView> OfAsync(Guid? person, string? kind, string? unit, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        if (kind is { Length: > 0 } && Kinds.All(k => k.Key != kind))
        {
            failures.Add(new("kind", $"There is no kind of work '{kind}': use one of {string.Join(", ", Kinds.Select(k => k.Key))}"));
        }

        HashSet<Guid>? within = null;
        if (unit is { Length: > 0 })
        {
            var path = await db.Units.AsNoTracking().Where(u => u.Code == unit.Trim()).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                failures.Add(new("unit", $"No unit has the code '{unit.Trim()}'"));
            }
            else
            {
                within = (await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        // The UK day, as the reminders count it: "due today" means the same on this page and in the digest.
        var today = DateOnly.FromDateTime(Steward.Infrastructure.UkFormat.ToLondon(clock.GetUtcNow().UtcDateTime));
        if (person is null)
        {
            return new([], 0, 0, Kinds);
        }

        var items = await ForPersonAsync(person.Value, null, ct);
        var shown = items
            .Where(w => kind is not { Length: > 0 } || w.Kind.Key == kind)
            .Where(w => within is null || within.Contains(w.Unit.Id))
            .Select(w => View(w, today))
            .ToList();
        return new(shown, shown.Count(w => w.Overdue), shown.Count(w => w.DueToday), Kinds);
    }

    public async Task<IReadOnlyList<AssignedWork>> ForPersonAsync(Guid person, DateOnly? dueBy, CancellationToken ct)
    {
        var all = new List<AssignedWork>();
        foreach (var source in sources)
        {
            all.AddRange(await source.AssignedAsync([person], dueBy, ct));
        }

        return Ordered(all);
    }

    public static List<AssignedWork> Ordered(IEnumerable<AssignedWork> work) =>
        work.OrderBy(w => w.Due is null).ThenBy(w => w.Due).ThenBy(w => w.Unit.Code, StringComparer.Ordinal).ThenBy(w => w.Reference, StringComparer.Ordinal).ToList();

    public static WorkItemView View(AssignedWork w, DateOnly today) =>
        new(w.Kind.Key, w.Kind.Singular, w.Reference, w.Title, w.Unit.Code, w.Unit.Name, w.Due, w.Due < today, w.Due == today, w.Link);
}

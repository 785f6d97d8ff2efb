using Microsoft.EntityFrameworkCore;
using Steward.Features.Units;

namespace Steward.Infrastructure.Registers;

// One record the site search found: what kind it is, how people quote it, its title, its unit and page.
public sealed record SearchHit(string Kind, string Reference, string Title, UnitRef Unit, string Address)
{
    // A register entry quoted by its prefix and number (R-0042); page: its address from unit code and reference.
    public static SearchHit Numbered(string kind, string prefix, SearchRow row, UnitRef unit, Func<string, string, string> page)
    {
        var reference = EntryReference.Format(prefix, row.Number);
        return new SearchHit(kind, reference, row.Title, unit, page(unit.Code, reference));
    }
}

// What a module offers the site search: its records found by reference (R-0042) or by words of their
// title, among the units whose records of its area the searcher may read. Registered by each module,
// so a new register is searchable by adding one class.
public interface IRecordSearch
{
    Task<IReadOnlyList<SearchHit>> FindAsync(SearchText text, int limit, CancellationToken ct);
}

// The words searched for, and the number in them when they quote a reference with the given prefix.
public sealed record SearchText(string Text)
{
    public string Lower { get; } = Text.Trim().ToLowerInvariant();

    public int? Number(string prefix) => EntryReference.Parse(prefix, Text.Trim());
}

// A record as the search reads it: a member-initialised class, so the database filters on its fields.
public sealed class SearchRow
{
    public int Number { get; init; }
    public Guid UnitId { get; init; }
    public string Title { get; init; } = string.Empty;
}

public static class RecordSearchQuery
{
    // rows: the register projected to SearchRow; units: those the searcher may read; number: a quoted
    // reference, or null. The quoted record first, then title matches in number order.
    public static async Task<IReadOnlyList<SearchHit>> FindAsync(
        IQueryable<SearchRow> rows, IQueryable<DeliveryUnit> units, SearchText text, int? number, int limit,
        Func<SearchRow, UnitRef, SearchHit> hit, CancellationToken ct)
    {
        var lower = text.Lower;
        var matching = number is { } n ? rows.Where(r => r.Number == n || r.Title.ToLower().Contains(lower)) : rows.Where(r => r.Title.ToLower().Contains(lower));
        var found = await (from row in matching
                           join unit in units on row.UnitId equals unit.Id
                           orderby row.Number == number ? 0 : 1, row.Number
                           select new { row.Number, row.UnitId, row.Title, Unit = new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind) })
            .AsNoTracking().Take(limit).ToListAsync(ct);
        return found.Select(f => hit(new SearchRow { Number = f.Number, UnitId = f.UnitId, Title = f.Title }, f.Unit)).ToList();
    }
}

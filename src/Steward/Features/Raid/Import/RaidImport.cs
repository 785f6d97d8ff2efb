using Steward.Features.Tolerances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Reads a RAID register (risks, issues, assumptions or dependencies) from .xlsx or .csv into a unit's
// log: recognises the headings (or takes the caller's mapping), checks every row with the same rules as
// the form, and writes all rows in one transaction or none. Empty rows (a template's numbered blanks)
// are skipped. What differs between the registers is each RaidImportKind's.
public sealed class RaidImport(StewardDbContext db, RegisterUnits units, RaidEscalation escalation, TimeProvider clock, IOptions<ImportLimits> limits)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    // A file may give the owner by e-mail alone, so a problem with the owner is shown in that column.
    private static readonly Dictionary<string, string> OwnerFallback = new() { [RaidImportKind.Owner] = RaidImportKind.OwnerEmail };
    private const int SaveBatch = 1000;

    public async Task<ImportReport> ImportAsync(RaidImportKind kind, string unitKey, Stream file, IReadOnlyDictionary<string, string>? mapping, string? defaultOwner,
        bool dryRun, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Raid, PmoAction.Contribute, unitKey, RecordChange.Add, $"import {kind.Register} into", "RAID log", ct);

        var table = SpreadsheetReader.Read(file, h => kind.Fields.IsKnown(h) || (mapping?.ContainsKey(h) ?? false), kind.PreferredSheets, limits.Value.Spreadsheets);
        var columns = table.Headings.Select(h => new ImportColumn(h, ImportRowReader.FieldFor(kind.Fields, h, mapping))).ToList();
        var problems = new ImportProblemList(limits.Value.MaxProblemsListed);
        CheckMapping(kind, columns, defaultOwner, problems);

        var people = new ImportPeople((await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.Email)));
        Guid? fallbackOwner = null;
        if (!string.IsNullOrWhiteSpace(defaultOwner))
        {
            fallbackOwner = people.ByEmail(defaultOwner);
            if (fallbackOwner is null)
            {
                problems.Add(new ImportProblem(0, "defaultOwner", $"No person has the e-mail address {defaultOwner.Trim()}"));
            }
        }

        var unitsBelow = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path) && u.Status != UnitStatus.Closed && u.Status != UnitStatus.Archived)
            .Select(u => new { u.Id, u.Code, u.Path }).ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        await kind.PrepareAsync(db, unit, ct);
        var items = new List<ImportedItem>();
        var read = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sheetRow in table.Rows)
        {
            var cells = ImportRowReader.Cells(sheetRow, columns);
            if (cells.Count == 0 || cells.Keys.All(k => k is RaidImportKind.Reference))
            {
                continue; // a blank row, or a template's row with only its number
            }

            read++;
            var row = new ImportRowReader(sheetRow.Number, cells, columns, people, problems, now, OwnerFallback);
            Unguard(row, cells);
            var target = new ImportTarget(unit.Id, unit.Path);
            if (row.Text(RaidImportKind.Unit) is { } code)
            {
                if (unitsBelow.TryGetValue(code, out var below))
                {
                    target = new ImportTarget(below.Id, below.Path);
                }
                else
                {
                    row.Problem(RaidImportKind.Unit, $"{code} is not an open unit at or below {unit.Code}");
                }
            }

            var owner = row.Person(row.Text(RaidImportKind.OwnerEmail) is null ? RaidImportKind.Owner : RaidImportKind.OwnerEmail) ?? fallbackOwner;
            if (await kind.ReadAsync(row, target, owner, ct) is { } item && !row.HasProblems)
            {
                items.Add(item);
            }

            if (read % 1000 == 0)
            {
                progress?.Report(new ImportProgress(ImportStage.Checking, read, table.Rows.Count));
            }
        }

        if (read == 0)
        {
            problems.Add(new ImportProblem(table.HeadingRow, "(file)", "There are no rows under the headings to import"));
        }

        var preview = items.Take(ImportReport.PreviewRows).Select(i => i.Preview).ToList();
        ImportReport Report(int imported) =>
            new(kind.Register, table.SheetName, table.HeadingRow, table.Encoding, columns, read, problems.Count, problems.Listed, kind.PreviewHeadings, preview, imported, dryRun);
        if (problems.Count > 0 || dryRun)
        {
            return Report(0);
        }

        await WriteAsync(kind, items, progress, ct);
        return Report(items.Count);
    }

    // A cell starting with '=' would run as a formula in whoever opens the register next; an apostrophe
    // before text that looks like one is what Steward's own export put there, and comes off again.
    private static void Unguard(ImportRowReader row, Dictionary<string, string> cells)
    {
        foreach (var (field, value) in cells.ToList())
        {
            if (value.StartsWith('='))
            {
                row.Problem(field, "starts with '=', which a spreadsheet would run as a formula; remove the '=' or put an apostrophe before it");
            }
            else if (value.Length > 1 && value[0] == '\'' && FormulaGuard.IsDangerous(value[1..]))
            {
                cells[field] = value[1..];
            }
        }
    }

    // All rows or none: one transaction, numbers taken in order after the highest so far.
    private async Task WriteAsync(RaidImportKind kind, List<ImportedItem> items, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var ladders = new Dictionary<string, ToleranceLadder>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var bulk = db.InsertingInBulk();
        var next = await kind.HighestNumberAsync(db, ct) + 1;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < items.Count; i++)
        {
            var (item, unitPath, _) = items[i];
            item.Number = next++;
            if (!ladders.TryGetValue(unitPath, out var ladder))
            {
                ladders[unitPath] = ladder = await escalation.LadderAsync(unitPath, ct);
            }

            kind.Place(item, ladder);
            kind.Add(db, item);
            if ((i + 1) % SaveBatch == 0 || i == items.Count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress(ImportStage.Writing, i + 1, items.Count));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(ct);
    }

    private static void CheckMapping(RaidImportKind kind, List<ImportColumn> columns, string? defaultOwner, ImportProblemList problems)
    {
        var mapped = columns.Where(c => c.Field is not null and not ImportFieldSet.Ignored).GroupBy(c => c.Field!).ToList();
        foreach (var twice in mapped.Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(0, string.Join(", ", twice.Select(c => c.Heading)), $"These columns both fill {kind.Fields.Label(twice.Key)}; map only one of them"));
        }

        foreach (var unknown in columns.Where(c => c.Field is not null && !kind.Fields.Contains(c.Field)))
        {
            problems.Add(new ImportProblem(0, unknown.Heading, $"'{unknown.Field}' is not a field of {kind.Register}: use one of {string.Join(", ", kind.Fields.All)}, or '-'"));
        }

        var fields = mapped.Select(g => g.Key).ToHashSet();
        foreach (var missing in kind.MissingFields(fields))
        {
            problems.Add(new ImportProblem(0, "(headings)", $"No column gives {missing}"));
        }

        if (!fields.Contains(RaidImportKind.Owner) && !fields.Contains(RaidImportKind.OwnerEmail) && string.IsNullOrWhiteSpace(defaultOwner))
        {
            problems.Add(new ImportProblem(0, "(headings)", "No column gives the owner; name a default owner for every row"));
        }
    }
}

using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// One thing wrong with one cell (or row) of an import, as the person will find it in their spreadsheet.
public sealed record ImportProblem(int Row, string Column, string Message);

// A heading of the file and the field it fills (null: not imported).
public sealed record ImportColumn(string Heading, string? Field);

public enum ImportStage
{
    Checking,
    Writing,
}

// How far an import has gone: rows checked so far, then rows written (inside the one transaction).
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

// What an import found and did. Nothing is written unless every row is valid and DryRun is false.
public sealed record ImportReport(
    string? Sheet, int HeadingRow, string? Encoding, IReadOnlyList<ImportColumn> Columns, int RowsRead,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<RiskInput> Preview, int Imported, bool DryRun)
{
    public const int PreviewRows = 10;
}

// Reads risks from .xlsx or .csv into a unit's log: recognises the headings (or takes the caller's
// mapping), checks every row with the same rules as a form, and writes all rows in one transaction or
// none. Empty rows (a template's numbered blanks) are skipped.
public sealed class RiskImport(StewardDbContext db, UnitQueries units, AccessPolicy access, RaidEscalation escalation, TimeProvider clock)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    private const int SaveBatch = 1000;
    private static readonly string[] PreferredSheets = ["Risk Register", "Risks", "Risk Log", "RAID"];

    public async Task<ImportReport> ImportAsync(string unitKey, Stream file, IReadOnlyDictionary<string, string>? mapping, string? defaultOwner, bool dryRun,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, $"import risks into {unit.Code}", ct);
        if (!unit.IsOpen)
        {
            throw new RecordStateConflictException($"{unit.Code} is {unit.Status.ToString().ToLowerInvariant()}; its RAID log takes no new items.");
        }

        var table = SpreadsheetReader.Read(file, h => RiskImportFields.IsKnown(h) || (mapping?.ContainsKey(h) ?? false), PreferredSheets);
        var columns = table.Headings.Select(h => new ImportColumn(h, FieldFor(h, mapping))).ToList();
        var problems = new List<ImportProblem>();
        CheckMapping(columns, defaultOwner, problems);

        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct);
        var byEmail = people.ToDictionary(p => p.Email, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var byName = people.GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        Guid? fallbackOwner = null;
        if (!string.IsNullOrWhiteSpace(defaultOwner))
        {
            fallbackOwner = byEmail.TryGetValue(defaultOwner.Trim(), out var id) ? id
                : Fail(problems, 0, "defaultOwner", $"No person has the e-mail address {defaultOwner.Trim()}");
        }

        var unitsBelow = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path) && u.Status != UnitStatus.Closed && u.Status != UnitStatus.Archived)
            .Select(u => new { u.Id, u.Code, u.Path }).ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var validator = new RiskInputValidator(db, checkPeople: false);
        var rows = new List<ImportRow>();
        var read = 0;
        foreach (var row in table.Rows)
        {
            var cells = Cells(row, columns);
            if (cells.Count == 0 || cells.Keys.All(k => k is RiskImportFields.Reference))
            {
                continue; // a blank row, or a template's row with only its number
            }

            read++;
            var before = problems.Count;
            string? Cell(string field) => cells.GetValueOrDefault(field);
            void Problem(string field, string message) => problems.Add(new ImportProblem(row.Number, HeadingOf(columns, field), message));
            foreach (var (field, value) in cells.ToList())
            {
                if (value.StartsWith('='))
                {
                    Problem(field, $"starts with '=', which a spreadsheet would run as a formula; remove the '=' or put an apostrophe before it");
                }
                else if (value.Length > 1 && value[0] == '\'' && FormulaGuard.IsDangerous(value[1..]))
                {
                    cells[field] = value[1..]; // the apostrophe an export put before text that looks like a formula
                }
            }

            var target = (unit.Id, unit.Path);
            if (Cell(RiskImportFields.Unit) is { } code)
            {
                if (unitsBelow.TryGetValue(code, out var below))
                {
                    target = (below.Id, below.Path);
                }
                else
                {
                    Problem(RiskImportFields.Unit, $"{code} is not an open unit at or below {unit.Code}");
                }
            }

            var input = new RiskInput(
                Title: Cell(RiskImportFields.Title) ?? Shorten(Cell(RiskImportFields.Event)),
                OwnerId: Person(Cell(RiskImportFields.OwnerEmail) ?? Cell(RiskImportFields.Owner), RiskImportFields.Owner) ?? fallbackOwner,
                Likelihood: Level(RiskImportFields.Likelihood),
                Impact: Level(RiskImportFields.Impact),
                Cause: Cell(RiskImportFields.Cause),
                Event: Cell(RiskImportFields.Event),
                Effect: Cell(RiskImportFields.Effect),
                Category: Cell(RiskImportFields.Category),
                IsOpportunity: Cell(RiskImportFields.Type) is { } type && type.Contains("opportun", StringComparison.OrdinalIgnoreCase),
                RaisedById: Person(Cell(RiskImportFields.RaisedBy), RiskImportFields.RaisedBy),
                RaisedOn: Date(RiskImportFields.RaisedOn),
                ProximityDate: Date(RiskImportFields.Proximity),
                InherentLikelihood: Level(RiskImportFields.InherentLikelihood),
                InherentImpact: Level(RiskImportFields.InherentImpact),
                TargetLikelihood: Level(RiskImportFields.TargetLikelihood),
                TargetImpact: Level(RiskImportFields.TargetImpact),
                Response: Response(),
                NextReviewDate: Date(RiskImportFields.NextReview));
            var closed = Status();
            if (problems.Count == before)
            {
                foreach (var failure in (await validator.ValidateAsync(input, ct)).Errors)
                {
                    problems.Add(new ImportProblem(row.Number, HeadingOf(columns, FieldOfProperty(failure.PropertyName)), failure.ErrorMessage));
                }
            }

            if (problems.Count == before)
            {
                rows.Add(new ImportRow(input, target.Item1, target.Item2, closed));
            }

            int? Level(string field)
            {
                if (Cell(field) is not { } text)
                {
                    return null;
                }

                if (RiskLevels.Parse(text) is { } level)
                {
                    return level;
                }

                // A whole number off the scale is the validator's to explain ("must be from 1 to 5, not 6").
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                Problem(field, $"'{text}' is not a level from 1 to 5 (or Very low, Low, Medium, High, Very high)");
                return 0;
            }

            DateOnly? Date(string field)
            {
                if (Cell(field) is not { } text)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date))
                {
                    return date;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(serial));
                }

                Problem(field, $"'{text}' is not a date; use a date such as 27/03/2027 or 2027-03-27");
                return null;
            }

            Guid? Person(string? text, string field)
            {
                if (text is null)
                {
                    return null;
                }

                if (byEmail.TryGetValue(text, out var byMail))
                {
                    return byMail;
                }

                if (byName.TryGetValue(text, out var named))
                {
                    if (named.Count == 1)
                    {
                        return named[0];
                    }

                    Problem(field, $"{named.Count} people are called {text}; give their e-mail address instead");
                    return null;
                }

                Problem(field, $"No person in Steward is called or has the e-mail address '{text}'");
                return null;
            }

            RiskResponse? Response()
            {
                if (Cell(RiskImportFields.Response) is not { } text)
                {
                    return null;
                }

                if (Enum.TryParse<RiskResponse>(text.Trim(), ignoreCase: true, out var response) && !int.TryParse(text, out _))
                {
                    return response;
                }

                Problem(RiskImportFields.Response, $"'{text}' is not a response: use avoid, reduce, transfer, share, accept, exploit or enhance");
                return null;
            }

            bool Status()
            {
                var text = Cell(RiskImportFields.Status)?.Trim().ToLowerInvariant();
                switch (text)
                {
                    case null or "open" or "active" or "live" or "new" or "work in progress" or "wip" or "on hold" or "late":
                        return false;
                    case "closed" or "duplicate" or "resolved":
                        return true;
                    default:
                        Problem(RiskImportFields.Status, $"'{Cell(RiskImportFields.Status)}' is not a status Steward can import: use open or closed");
                        return false;
                }
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

        var preview = rows.Take(ImportReport.PreviewRows).Select(r => r.Input).ToList();
        if (problems.Count > 0 || dryRun)
        {
            return new ImportReport(table.SheetName, table.HeadingRow, table.Encoding, columns, read, problems, preview, 0, dryRun);
        }

        await WriteAsync(rows, progress, ct);
        return new ImportReport(table.SheetName, table.HeadingRow, table.Encoding, columns, read, problems, preview, rows.Count, dryRun);
    }

    // All rows or none: one transaction, numbers taken in order after the highest so far.
    private async Task WriteAsync(List<ImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var chains = new Dictionary<string, IReadOnlyList<(Guid, EffectiveTolerance)>>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var next = (await db.Risks.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var (input, unitId, unitPath, closed) = rows[i];
            var risk = new Risk { Id = Guid.CreateVersion7(), UnitId = unitId, Title = input.Title!, Number = next++ };
            RaidService.Apply(risk, input);
            risk.RaisedOn = input.RaisedOn ?? today;
            if (closed)
            {
                risk.Status = RiskStatus.Closed;
                risk.ClosedAt = now;
            }

            if (!chains.TryGetValue(unitPath, out var chain))
            {
                chains[unitPath] = chain = await escalation.ChainAsync(unitPath, ct);
            }

            RaidEscalation.Place(risk, risk.Status == RiskStatus.Open, chain, t => t.Breached(risk));
            db.Risks.Add(risk);
            if ((i + 1) % SaveBatch == 0 || i == rows.Count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress(ImportStage.Writing, i + 1, rows.Count));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(ct);
    }

    private sealed record ImportRow(RiskInput Input, Guid UnitId, string UnitPath, bool Closed);

    private static void CheckMapping(List<ImportColumn> columns, string? defaultOwner, List<ImportProblem> problems)
    {
        var mapped = columns.Where(c => c.Field is not null and not RiskImportFields.Ignored).GroupBy(c => c.Field!).ToList();
        foreach (var twice in mapped.Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(0, string.Join(", ", twice.Select(c => c.Heading)), $"These columns both fill {twice.Key}; map only one of them"));
        }

        var fields = mapped.Select(g => g.Key).ToHashSet();
        if (!fields.Contains(RiskImportFields.Title) && !fields.Contains(RiskImportFields.Event))
        {
            problems.Add(new ImportProblem(0, "(headings)", "No column gives the risk's title or description"));
        }

        foreach (var (field, name) in new[] { (RiskImportFields.Likelihood, "likelihood (or probability)"), (RiskImportFields.Impact, "impact") })
        {
            if (!fields.Contains(field))
            {
                problems.Add(new ImportProblem(0, "(headings)", $"No column gives the {name}"));
            }
        }

        if (!fields.Contains(RiskImportFields.Owner) && !fields.Contains(RiskImportFields.OwnerEmail) && string.IsNullOrWhiteSpace(defaultOwner))
        {
            problems.Add(new ImportProblem(0, "(headings)", "No column gives the owner; name a default owner for every row"));
        }
    }

    private static string? FieldFor(string heading, IReadOnlyDictionary<string, string>? mapping)
    {
        if (mapping is not null && mapping.TryGetValue(heading, out var chosen))
        {
            return string.IsNullOrWhiteSpace(chosen) || chosen == "-" ? null : chosen;
        }

        return string.IsNullOrWhiteSpace(heading) ? null : RiskImportFields.Recognise(heading);
    }

    // The cells of a row by field, as typed, blank cells left out.
    private static Dictionary<string, string> Cells(SheetRow row, List<ImportColumn> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count && i < row.Cells.Count; i++)
        {
            if (columns[i].Field is { } field and not RiskImportFields.Ignored && row.Cells[i] is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
            {
                cells[field] = text.Trim();
            }
        }

        return cells;
    }

    private static string HeadingOf(List<ImportColumn> columns, string field) =>
        columns.FirstOrDefault(c => c.Field == field)?.Heading ?? field;

    private static string FieldOfProperty(string property) => property switch
    {
        nameof(RiskInput.OwnerId) => RiskImportFields.Owner,
        nameof(RiskInput.RaisedById) => RiskImportFields.RaisedBy,
        nameof(RiskInput.Title) => RiskImportFields.Title,
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };

    private static string? Shorten(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var firstLine = description.Split('\n')[0].Trim();
        return firstLine.Length <= Risk.TitleMaxLength ? firstLine : firstLine[..(Risk.TitleMaxLength - 1)].TrimEnd() + "…";
    }

    private static Guid? Fail(List<ImportProblem> problems, int row, string column, string message)
    {
        problems.Add(new ImportProblem(row, column, message));
        return null;
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Finance.Ledger;

// Takes a month's actuals (or several months') from a finance system's export into the units below one
// unit, or into the whole department (unitKey null, for those who manage its money). Each row names a cost centre or project code, a month, an account or spending category and an
// amount. Codes become units and accounts become categories through mappings the import is given and
// remembers; a code that is a unit's own code needs none. Every row is checked first; one bad row and
// nothing is written. A month in the file replaces that unit's actuals for that month (all categories),
// so importing a corrected file again puts it right, and the report says what changed.
public sealed class LedgerImport(StewardDbContext db, RegisterUnits units, AccessPolicy access, TimeProvider clock, IOptions<ImportLimits> limits)
{
    public const long MaxFileBytes = 300L * 1024 * 1024;

    private static readonly string[] CodeHeadings = ["cost centre", "cost center", "cost centre code", "cost center code", "project code", "project", "code", "cost code", "unit"];
    private static readonly string[] PeriodHeadings = ["period", "date", "posting date", "month", "accounting period", "gl date", "transaction date"];
    private static readonly string[] AccountHeadings = ["account", "account code", "nominal", "nominal code", "category", "spending category", "expenditure type"];
    private static readonly string[] AmountHeadings = ["amount", "value", "net amount", "actual", "actuals", "net", "amount (£)", "amount gbp"];

    private static readonly (string Field, string[] Headings)[] Fields =
        [("code", CodeHeadings), ("period", PeriodHeadings), ("account", AccountHeadings), ("amount", AmountHeadings)];

    public async Task<LedgerReport> ImportAsync(
        string? unitKey, Stream file, FinancialYear? year, LedgerMappings given, string? fileName, bool dryRun,
        IProgress<LedgerProgress>? progress = null, CancellationToken ct = default)
    {
        var (topPath, within) = ("/", "the units of the department");
        if (unitKey is null)
        {
            await access.DemandAsync(PmoArea.Finance, PmoAction.Contribute, null, "import actuals into the whole department", ct);
        }
        else
        {
            var top = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Contribute, unitKey, RecordChange.Amend, "import actuals into", "finance", ct);
            (topPath, within) = (top.Path, $"{top.Code} or the units below it");
        }

        var table = SpreadsheetReader.Read(file, IsKnown, [], limits.Value.Ledgers);
        var problems = new List<LedgerProblem>();
        var problemCount = 0;
        void Problem(int row, string column, string message)
        {
            problemCount++;
            if (problems.Count < limits.Value.MaxProblemsListed)
            {
                problems.Add(new LedgerProblem(row, column, message));
            }
        }

        var columns = new Dictionary<string, int>();
        foreach (var (field, headings) in Fields)
        {
            var index = table.Headings.ToList().FindIndex(h => headings.Contains(h.Trim().ToLowerInvariant()));
            if (index < 0)
            {
                Problem(0, field, $"No column for the {field}: name it one of {string.Join(", ", headings.Select(h => $"'{h}'"))}");
            }
            else
            {
                columns[field] = index;
            }
        }

        var subtree = await (topPath == "/" ? db.Units.AsNoTracking() : db.Units.AsNoTracking().Where(u => db.IdsUnder(topPath).Contains(u.Id)))
            .Select(u => new { u.Id, u.Code, u.Status }).ToListAsync(ct);
        var unitsByCode = subtree.ToDictionary(u => u.Code.ToUpperInvariant());
        var unitsById = subtree.ToDictionary(u => u.Id);
        var (codeMap, accountMap) = await MappingsAsync(given, unitsByCode.ToDictionary(u => u.Key, u => u.Value.Id), ct);

        var sums = new Dictionary<(Guid Unit, int Year, int Period, SpendingCategory Category), long>();
        var unmappedCodes = new SortedSet<string>(StringComparer.Ordinal);
        var unmappedAccounts = new SortedSet<string>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (columns.Count == Fields.Length)
        {
            var done = 0;
            foreach (var row in table.Rows)
            {
                if (++done % 10_000 == 0)
                {
                    progress?.Report(new LedgerProgress("Checking", done, table.Rows.Count));
                }

                string? Cell(string field) => columns[field] < row.Cells.Count ? row.Cells[columns[field]] : null;
                if (row.Cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var code = Cell("code");
                Guid? unitId = null;
                if (string.IsNullOrWhiteSpace(code))
                {
                    Problem(row.Number, table.Headings[columns["code"]], "is blank: give the cost centre or project code");
                }
                else if (codeMap.TryGetValue(LedgerMapping.Normalise(code), out var mapped))
                {
                    if (!unitsById.TryGetValue(mapped, out var target))
                    {
                        Problem(row.Number, table.Headings[columns["code"]], $"'{code.Trim()}' is mapped to a unit that is not {within}");
                    }
                    else if (target.Status == UnitStatus.Archived)
                    {
                        Problem(row.Number, table.Headings[columns["code"]], $"'{code.Trim()}' is {target.Code}, which is archived: its actuals can no longer change");
                    }
                    else
                    {
                        unitId = mapped;
                    }
                }
                else
                {
                    unmappedCodes.Add(code.Trim());
                    Problem(row.Number, table.Headings[columns["code"]], $"'{code.Trim()}' maps to no unit: map it to one of {within}");
                }

                var account = Cell("account");
                SpendingCategory? category = null;
                if (string.IsNullOrWhiteSpace(account))
                {
                    Problem(row.Number, table.Headings[columns["account"]], "is blank: give the account code or spending category");
                }
                else if (accountMap.TryGetValue(LedgerMapping.Normalise(account), out var mappedCategory))
                {
                    category = mappedCategory;
                }
                else if (CategoryNamed(account) is { } named)
                {
                    category = named;
                }
                else
                {
                    unmappedAccounts.Add(account.Trim());
                    Problem(row.Number, table.Headings[columns["account"]], $"'{account.Trim()}' maps to no spending category: map it to one of {string.Join(", ", EnumText.All<SpendingCategory>())}");
                }

                FinancialYear fy = default;
                var period = 0;
                if (!LedgerPeriod.TryParse(Cell("period"), year, out fy, out period, out var periodProblem))
                {
                    Problem(row.Number, table.Headings[columns["period"]], periodProblem!);
                }
                else if (fy.FirstDayOf(period) > thisMonth)
                {
                    Problem(row.Number, table.Headings[columns["period"]], $"{fy.PeriodLabel(period)} has not started: actuals are recorded only for months that have");
                }

                if (!Money.TryParse(Cell("amount"), out var amount, out var amountProblem))
                {
                    Problem(row.Number, table.Headings[columns["amount"]], amountProblem!);
                }
                else if (unitId is { } u && category is { } cat && period > 0)
                {
                    var key = (u, fy.Start, period, cat);
                    sums[key] = checked(sums.GetValueOrDefault(key) + amount.Pence);
                }
            }
        }

        LedgerReport Report(IReadOnlyList<LedgerMonthChange> changes, int replaced, bool nothingWritten) => new(
            table.SheetName, table.HeadingRow, table.Encoding, columns.ToDictionary(c => c.Key, c => table.Headings[c.Value]), table.Rows.Count,
            problemCount, problems, unmappedCodes.ToList(), unmappedAccounts.ToList(), changes, replaced, nothingWritten);

        if (problemCount > 0)
        {
            return Report([], 0, true);
        }

        var changes = await ReplaceMonthsAsync(sums, unitsById.ToDictionary(u => u.Key, u => u.Value.Code), ct);
        if (dryRun)
        {
            db.ChangeTracker.Clear();
            return Report(changes, changes.Count, true);
        }

        progress?.Report(new LedgerProgress("Writing", 0, changes.Count));
        var reason = $"Actuals from the ledger{(string.IsNullOrWhiteSpace(fileName) ? string.Empty : $" ({Path.GetFileName(fileName)})")}";
        foreach (var unit in changes.GroupBy(c => c.Unit))
        {
            var id = unitsByCode[unit.Key.ToUpperInvariant()].Id;
            var finance = await db.Finances.FirstOrDefaultAsync(f => f.UnitId == id, ct);
            if (finance is null)
            {
                db.Finances.Add(new UnitFinance { Id = Guid.CreateVersion7(), UnitId = id });
            }
            else
            {
                db.Entry(finance).State = EntityState.Modified;
            }

            db.FinanceChanges.Add(new FinanceChange
            {
                Id = Guid.CreateVersion7(), UnitId = id, Layer = FinanceLayer.Actual, Reason = $"{reason}: {unit.Count()} month(s) replaced",
                Lines = unit.Count(), Before = unit.Sum(c => c.Before.Pence), After = unit.Sum(c => c.After.Pence), By = db.ChangeContext.Actor,
            });
        }

        await RememberAsync(given, unitsByCode.ToDictionary(u => u.Key, u => u.Value.Id), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await FinanceRollups.ApplyAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone changed the same units' money while the file was read: nothing was written.
            throw new RecordStateConflictException("Someone changed the money of a unit in the file while it was being imported; nothing was imported. Import the file again.");
        }

        await transaction.CommitAsync(ct);
        return Report(changes, changes.Count, false);
    }

    // Each unit-month in the file: every category's actual for that month becomes the file's (nothing where
    // the file has none), so the month is replaced, not added to.
    private async Task<List<LedgerMonthChange>> ReplaceMonthsAsync(
        Dictionary<(Guid Unit, int Year, int Period, SpendingCategory Category), long> sums, Dictionary<Guid, string> codes, CancellationToken ct)
    {
        var months = sums.Keys.Select(k => (k.Unit, k.Year, k.Period)).Distinct().OrderBy(m => codes[m.Unit], StringComparer.Ordinal).ThenBy(m => m.Year).ThenBy(m => m.Period).ToList();
        var lines = new List<FinanceLine>();
        foreach (var chunk in months.Select(m => m.Unit).Distinct().Chunk(500))
        {
            var years = months.Select(m => m.Year).Distinct().ToList();
            lines.AddRange(await db.FinanceLines.Where(l => l.Layer == FinanceLayer.Actual && l.Baseline == 0 && chunk.Contains(l.UnitId) && years.Contains(l.Year)).ToListAsync(ct));
        }

        var byUnitYear = lines.GroupBy(l => (l.UnitId, l.Year)).ToDictionary(g => g.Key, g => g.ToList());
        var changes = new List<LedgerMonthChange>();
        foreach (var (unit, year, period) in months)
        {
            if (!byUnitYear.TryGetValue((unit, year), out var ofYear))
            {
                byUnitYear[(unit, year)] = ofYear = [];
            }

            var before = ofYear.Sum(l => l[period]);
            foreach (var line in ofYear)
            {
                line[period] = line.CostType == CostType.Unspecified ? sums.GetValueOrDefault((unit, year, period, line.Category)) : 0;
            }

            foreach (var category in Enum.GetValues<SpendingCategory>())
            {
                if (sums.TryGetValue((unit, year, period, category), out var pence) && !ofYear.Any(l => l.Category == category && l.CostType == CostType.Unspecified))
                {
                    var line = new FinanceLine { Id = Guid.CreateVersion7(), UnitId = unit, Layer = FinanceLayer.Actual, Category = category, Year = year, Reason = "Actuals from the ledger" };
                    line[period] = pence;
                    db.FinanceLines.Add(line);
                    ofYear.Add(line);
                }
            }

            var after = ofYear.Sum(l => l[period]);
            changes.Add(new LedgerMonthChange(codes[unit], new FinancialYear(year).ToString(), period, new Money(before), new Money(after)));
        }

        foreach (var line in byUnitYear.Values.SelectMany(l => l).Where(l => db.Entry(l).State == EntityState.Modified))
        {
            line.Reason = "Actuals from the ledger";
        }

        return changes;
    }

    // The mappings that apply: those given with this import over those remembered. A given one is checked:
    // its unit must be within the import's unit, its category one of the categories.
    private async Task<(Dictionary<string, Guid> Codes, Dictionary<string, SpendingCategory> Accounts)> MappingsAsync(
        LedgerMappings given, Dictionary<string, Guid> unitsByCode, CancellationToken ct)
    {
        var stored = await db.LedgerMappings.AsNoTracking().ToListAsync(ct);
        var codes = stored.Where(m => m.Kind == LedgerCodeKind.Unit && m.UnitId is not null).ToDictionary(m => m.Source, m => m.UnitId!.Value);
        var accounts = stored.Where(m => m.Kind == LedgerCodeKind.Account && m.Category is not null).ToDictionary(m => m.Source, m => m.Category!.Value);
        foreach (var (code, unitId) in unitsByCode)
        {
            codes.TryAdd(code, unitId);
        }

        var failures = new List<ValidationFailure>();
        foreach (var (code, unitCode) in given.Codes)
        {
            if (unitsByCode.TryGetValue(unitCode.Trim().ToUpperInvariant(), out var id))
            {
                codes[LedgerMapping.Normalise(code)] = id;
            }
            else
            {
                failures.Add(new ValidationFailure($"code[{code}]", $"'{unitCode}' is not a unit within the one imported into"));
            }
        }

        foreach (var (account, categoryText) in given.Accounts)
        {
            if (CategoryNamed(categoryText) is { } category)
            {
                accounts[LedgerMapping.Normalise(account)] = category;
            }
            else
            {
                failures.Add(new ValidationFailure($"account[{account}]", $"'{categoryText}' is not one of {string.Join(", ", EnumText.All<SpendingCategory>())}"));
            }
        }

        foreach (var code in given.Codes.Keys.Concat(given.Accounts.Keys).Where(k => k.Trim().Length is 0 or > LedgerMapping.SourceMaxLength))
        {
            failures.Add(new ValidationFailure("mapping", $"A code is 1 to {LedgerMapping.SourceMaxLength} characters, not {code.Trim().Length}"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return (codes, accounts);
    }

    // The mappings given are kept for next month's file.
    private async Task RememberAsync(LedgerMappings given, Dictionary<string, Guid> unitsByCode, CancellationToken ct)
    {
        var wanted = given.Codes.Select(c => (Kind: LedgerCodeKind.Unit, Source: LedgerMapping.Normalise(c.Key), Unit: (Guid?)unitsByCode[c.Value.Trim().ToUpperInvariant()], Category: (SpendingCategory?)null))
            .Concat(given.Accounts.Select(a => (Kind: LedgerCodeKind.Account, Source: LedgerMapping.Normalise(a.Key), Unit: (Guid?)null, Category: CategoryNamed(a.Value))))
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var sources = wanted.Select(w => w.Source).ToList();
        var existing = await db.LedgerMappings.Where(m => sources.Contains(m.Source)).ToListAsync(ct);
        foreach (var w in wanted)
        {
            var mapping = existing.FirstOrDefault(m => m.Kind == w.Kind && m.Source == w.Source);
            if (mapping is null)
            {
                db.LedgerMappings.Add(new LedgerMapping { Id = Guid.CreateVersion7(), Kind = w.Kind, Source = w.Source, UnitId = w.Unit, Category = w.Category });
            }
            else
            {
                (mapping.UnitId, mapping.Category) = (w.Unit, w.Category);
            }
        }
    }

    // "CDEL", "cdel", "RDEL programme", "rdel-programme", "Non-government".
    public static SpendingCategory? CategoryNamed(string text)
    {
        var t = text.Trim();
        foreach (var category in Enum.GetValues<SpendingCategory>())
        {
            if (string.Equals(t, EnumText.Of(category), StringComparison.OrdinalIgnoreCase) || string.Equals(t, FinanceLabels.Of(category), StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, category.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return null;
    }

    private static bool IsKnown(string heading) => Fields.Any(f => f.Headings.Contains(heading.Trim().ToLowerInvariant()));
}

// How far an import has gone: rows checked, then the months written (in one transaction).
public sealed record LedgerProgress(string Stage, int Done, int Total);

// Mappings given with one import: ledger code → unit code, account → spending category.
public sealed record LedgerMappings(IReadOnlyDictionary<string, string> Codes, IReadOnlyDictionary<string, string> Accounts)
{
    public static LedgerMappings None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
}

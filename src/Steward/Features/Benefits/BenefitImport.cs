using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Benefits;

// Reads a benefits register from .xlsx or .csv into a unit and those below it: recognises the headings
// (Steward's own export's among them, so an export comes back in) or takes the caller's mapping, checks
// every row with the same rules as the form, and records every row in one transaction or none.
public sealed class BenefitImport(StewardDbContext db, RegisterUnits units, BenefitService service, TimeProvider clock, IOptions<ImportLimits> limits)
{
    public const string Register = "benefits";
    public const long MaxFileBytes = 50L * 1024 * 1024;
    private static readonly string[] Required = ["title", "category", "class"];
    private static readonly string[] PreferredSheets = ["Benefits", "Benefits register"];

    public static readonly ImportFieldSet Fields = new ImportFieldSet()
        .Field("unit", "Unit (code, at or below the one imported into)", "unit", "project", "unit code")
        .Field("title", "Benefit", "benefit", "title", "benefit title", "name")
        .Field("description", "Description", "description", "benefit description")
        .Field("owner", "Benefit owner (name or e-mail)", "benefit owner", "owner", "owner email")
        .Field("owningUnit", "Owning unit", "owning unit", "business owner unit")
        .Field("category", "Category", "category", "benefit category", "type")
        .Field("nature", "Quantitative or qualitative", "quantitative or qualitative", "nature")
        .Field("class", "Who gains", "who gains", "class", "benefit class")
        .Field("disbenefit", "Dis-benefit", "dis-benefit", "disbenefit")
        .Field("kpi", "Measure (KPI)", "measure (kpi)", "kpi", "measure", "metric")
        .Field("unitOfMeasure", "Unit of measure", "unit of measure", "units")
        .Field("direction", "Which way is better", "which way is better", "direction", "polarity")
        .Field("measuredBy", "How, and by whom, it is measured", "measured by", "how measured", "how, and by whom, it is measured")
        .Field("frequency", "Frequency", "frequency", "measurement frequency")
        .Field("baselineValue", "Baseline value", "baseline value", "baseline")
        .Field("baselineDate", "Baseline date", "baseline date")
        .Field("targetValue", "Target value", "target value", "target")
        .Field("targetDate", "Target date", "target date")
        .Field("monetisedValue", "Monetised value a year (£)", "monetised value a year (£)", "monetised value", "value (£)", "annual value")
        .Field("confidence", "Confidence", "confidence")
        .Field("status", "Status", "status")
        .Ignore("reference", "ref", "id", "last measured on", "last value");

    public async Task<ImportReport> ImportAsync(string unitKey, Stream file, IReadOnlyDictionary<string, string>? mapping, bool dryRun, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Benefits, PmoAction.Contribute, unitKey, RecordChange.Add, "import benefits into", BenefitService.Register, ct);
        var table = SpreadsheetReader.Read(file, h => Fields.IsKnown(h) || (mapping?.ContainsKey(h) ?? false), PreferredSheets, limits.Value.Spreadsheets);
        var columns = table.Headings.Select(h => new ImportColumn(h, ImportRowReader.FieldFor(Fields, h, mapping))).ToList();
        var problems = new ImportProblemList(limits.Value.MaxProblemsListed);
        var mapped = columns.Where(c => c.Field is not null and not ImportFieldSet.Ignored).Select(c => c.Field!).ToList();
        foreach (var twice in mapped.GroupBy(f => f).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(0, string.Join(", ", columns.Where(c => c.Field == twice.Key).Select(c => c.Heading)), $"These columns both fill {Fields.Label(twice.Key)}; map only one of them"));
        }

        foreach (var unknown in columns.Where(c => c.Field is not null && !Fields.Contains(c.Field)))
        {
            problems.Add(new ImportProblem(0, unknown.Heading, $"'{unknown.Field}' is not a field of a benefit: use one of {string.Join(", ", Fields.All)}, or '-'"));
        }

        foreach (var needed in Required.Where(f => !mapped.Contains(f)))
        {
            problems.Add(new ImportProblem(0, "(headings)", $"No column gives {Fields.Label(needed)}"));
        }

        var people = new ImportPeople((await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.Email)));
        var unitsBelow = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path) && u.Status != UnitStatus.Closed && u.Status != UnitStatus.Archived)
            .Select(u => u.Code).ToListAsync(ct);
        var open = unitsBelow.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<(string Unit, BenefitInput Input)>();
        var preview = new List<IReadOnlyList<string?>>();
        var read = 0;
        foreach (var sheetRow in table.Rows)
        {
            var cells = ImportRowReader.Cells(sheetRow, columns);
            if (cells.Count == 0)
            {
                continue;
            }

            read++;
            var row = new ImportRowReader(sheetRow.Number, cells, columns, people, problems, now);
            var target = unit.Code;
            if (row.Text("unit") is { } code)
            {
                if (open.Contains(code))
                {
                    target = code.ToUpperInvariant();
                }
                else
                {
                    row.Problem("unit", $"{code} is not an open unit at or below {unit.Code}");
                }
            }

            var input = new BenefitInput(
                row.Text("title"), row.Text("description"), row.Text("owningUnit"), row.Person("owner"),
                Choice<BenefitCategory>(row, "category"), Choice<BenefitNature>(row, "nature"), Choice<BenefitClass>(row, "class"), YesNo(row, "disbenefit"),
                row.Text("kpi"), row.Text("unitOfMeasure"), Choice<MeasureDirection>(row, "direction"), row.Text("measuredBy"), Choice<MeasurementFrequency>(row, "frequency"),
                Number(row, "baselineValue"), row.Date("baselineDate"), Number(row, "targetValue"), row.Date("targetDate"),
                row.Text("monetisedValue") is { } money ? new AmountText(money) : null, Choice<BenefitConfidence>(row, "confidence"), Choice<BenefitStatus>(row, "status"));
            // The form's own rules, once the cells could all be read (else a blank category is reported twice).
            foreach (var failure in row.HasProblems ? [] : await service.CheckAsync(input, ct))
            {
                row.Problem(failure.PropertyName == "ownerId" ? "owner" : failure.PropertyName, failure.ErrorMessage);
            }

            if (!row.HasProblems)
            {
                rows.Add((target, input));
                if (preview.Count < ImportReport.PreviewRows)
                {
                    preview.Add([target, input.Title, input.Category, input.Status ?? "identified", input.BaselineValue?.ToString(CultureInfo.InvariantCulture), input.TargetValue?.ToString(CultureInfo.InvariantCulture)]);
                }
            }
        }

        if (read == 0)
        {
            problems.Add(new ImportProblem(table.HeadingRow, "(file)", "There are no rows under the headings to import"));
        }

        ImportReport Report(int imported) => new(Register, table.SheetName, table.HeadingRow, table.Encoding, columns, read, problems.Count, problems.Listed,
            ["Unit", "Benefit", "Category", "Status", "Baseline", "Target"], preview, imported, dryRun);
        if (problems.Count > 0 || dryRun)
        {
            return Report(0);
        }

        // All rows or none.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (target, input) in rows)
        {
            await service.RecordAsync(target, input, ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        return Report(rows.Count);
    }

    // One of a fixed set, however it is spelt ("Cash releasing", "cash-releasing", "CashReleasing"), as the API writes it.
    private static string? Choice<T>(ImportRowReader row, string field) where T : struct, Enum =>
        row.Choice<T>(field, $"one of: {string.Join(", ", EnumText.All<T>())}") is { } value ? EnumText.Of(value) : null;

    private static decimal? Number(ImportRowReader row, string field)
    {
        if (row.Text(field) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        row.Problem(field, $"'{text}' is not a number: write it as 24 or 1,250.5");
        return null;
    }

    private static bool YesNo(ImportRowReader row, string field)
    {
        switch (row.Text(field)?.Trim().ToLowerInvariant())
        {
            case null or "" or "no" or "n" or "false" or "0":
                return false;
            case "yes" or "y" or "true" or "1":
                return true;
            default:
                row.Problem(field, $"'{row.Text(field)}' is not yes or no");
                return false;
        }
    }
}

using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Finance;

public static class FinanceApi
{
    // The download's address, for the finance page's links.
    public static string ExportAddress(string unit, string format) =>
        $"/api/v1/units/{Uri.EscapeDataString(unit)}/finance/export?format={Uri.EscapeDataString(format)}";

    public static void MapFinanceApi(this IEndpointRouteBuilder api)
    {
        var department = api.MapGroup("/finance").WithTags("Finance").ProducesRecordProblems();
        department.MapPost("/ledger", (string? year, bool? dryRun, HttpContext http, Ledger.LedgerImport import, CancellationToken ct) =>
                ImportLedgerAsync(null, year, dryRun, http, import, ct))
            .Requires(PmoArea.Finance, PmoAction.Contribute, wholeDepartment: true)
            .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(Ledger.LedgerImport.MaxFileBytes))
            .WithSummary("Import actuals from a finance system's export into any unit of the department, all rows or none (as …/units/{unit}/finance/ledger)");
        var finance = api.MapGroup("/units/{unit}/finance").WithTags("Finance").ProducesRecordProblems();
        finance.MapGet("/", Get)
            .WithSummary("A unit's money with everything below it: this month, the financial year, whole life, phasing, the cumulative curve, the units below and its own lines in the year")
            .Requires(PmoArea.Finance, PmoAction.Read);
        finance.MapPut("/forecast", (string unit, FinanceChangeInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct) =>
                ChangeAsync(unit, FinanceLayer.Forecast, input, service, queries, http, ct))
            .WithSummary("Re-profile the unit's forecast (If-Match required once it has money)")
            .WithDescription("Months left out keep what they have. Moving money between months and years keeps the total of the lines named unless changeTotal says otherwise.")
            .Requires(PmoArea.Finance, PmoAction.Contribute);
        finance.MapPost("/forecast/moves", MoveForecast)
            .WithSummary("Move forecast money from one month to another, in the same year or another, keeping the total (If-Match required)")
            .Requires(PmoArea.Finance, PmoAction.Contribute);
        finance.MapPut("/actuals", (string unit, FinanceChangeInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct) =>
                ChangeAsync(unit, FinanceLayer.Actual, input, service, queries, http, ct))
            .WithSummary("Record or correct the unit's actuals (If-Match required once it has money); never in a month that has not started")
            .Requires(PmoArea.Finance, PmoAction.Contribute);
        finance.MapPut("/viewers", SetViewers)
            .WithSummary("Choose whether people who hold only the Viewer role see this unit's money, and that of the units below it, as totals only (If-Match required once it has money)")
            .Requires(PmoArea.Finance, PmoAction.Approve);
        finance.MapGet("/lines", Lines).WithSummary("The unit's own current lines, or one budget baseline's")
            .Requires(PmoArea.Finance, PmoAction.Read);
        finance.MapGet("/baselines", Baselines).WithSummary("The unit's budget baselines, newest first, with the decision that approved each")
            .Requires(PmoArea.Finance, PmoAction.Read);
        finance.MapPost("/baselines", Rebaseline)
            .WithSummary("Approve a new budget baseline (If-Match required once the unit has money): the lines named replace the current baseline's, the rest carry over, the old baseline is kept")
            .Requires(PmoArea.Finance, PmoAction.Approve);
        finance.MapGet("/changes", Changes).WithSummary("The unit's own changes to its money, newest first, each with who, when and why")
            .Requires(PmoArea.Finance, PmoAction.Read);
        finance.MapPost("/ledger", ImportLedgerAsync)
            .Requires(PmoArea.Finance, PmoAction.Contribute)
            .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(Ledger.LedgerImport.MaxFileBytes))
            .WithSummary("Import actuals from a finance system's export (.xlsx or .csv) into this unit and those below it, all rows or none")
            .WithDescription("Columns: cost centre or project code, period or posting date, account or spending category, amount ((1,200.00) is negative; £1.2m and Windows-1252 files are read). code[LEDGER-CODE]=UNIT-CODE and account[ACCOUNT]=category map codes (remembered for next time; a unit's own code needs none). year=2026-27 where the file gives periods without a year. Each unit-month in the file replaces that month's actuals. dryRun=true checks and reports what would change. Any bad row: 400 listing every problem by row and column, nothing written.");
        finance.MapGet("/breaches", Breaches)
            .WithSummary("Every unit at or below this one whose money breaches its cost tolerance (this year's variance or whole-life growth, over or under), with the level each escalates to")
            .Requires(PmoArea.Finance, PmoAction.Read);
        finance.MapGet("/export", Export).WithSummary("Every current line of the unit and the units below it, as .xlsx or .csv")
            .Requires(PmoArea.Finance, PmoAction.Read);
    }

    private static async Task<Ok<FinanceView>> Get(string unit, [AsParameters] FinanceQuery query, FinanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var view = await queries.ViewAsync(found, query.FinancialYear, query.SpendingCategory, ct);
        if (view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Ok<FinanceView>> ChangeAsync(
        string unit, FinanceLayer layer, FinanceChangeInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var expected = await ExpectedVersionAsync(found.Id, queries, http, ct);
        var version = await service.ChangeAsync(found.Id.ToString(), layer, expected, input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await queries.ViewAsync(found, null, null, ct));
    }

    private static async Task<Created<IReadOnlyList<FinanceBaselineView>>> Rebaseline(
        string unit, BaselineInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var expected = await ExpectedVersionAsync(found.Id, queries, http, ct);
        var version = await service.RebaselineAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, version);
        var baselines = await queries.BaselinesAsync(found.Id, ct);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", baselines);
    }

    private static async Task<Ok<FinanceView>> MoveForecast(
        string unit, ForecastMoveInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var expected = await ExpectedVersionAsync(found.Id, queries, http, ct);
        var version = await service.MoveForecastAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await queries.ViewAsync(found, null, null, ct));
    }

    private static async Task<Ok<FinanceView>> SetViewers(
        string unit, FinanceViewersInput input, FinanceService service, FinanceQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var expected = await ExpectedVersionAsync(found.Id, queries, http, ct);
        var version = await service.SetTotalsOnlyForViewersAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await queries.ViewAsync(found, null, null, ct));
    }

    // The first money a unit is given has nothing to match; after that every change names the version it read.
    private static async Task<int?> ExpectedVersionAsync(Guid unitId, FinanceQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.VersionAsync(unitId, ct) is null ? null : EntityTag.RequireIfMatch(http);

    private static async Task<Ok<IReadOnlyList<FinanceLineView>>> Lines(
        string unit, [Description("A budget baseline's number, for its lines (kept after a re-baseline); default the current lines of every layer.")] int? baseline,
        FinanceQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        await queries.DemandDetailAsync(found, "its lines", ct);
        return TypedResults.Ok(await queries.OwnLinesAsync(found.Id, baseline, ct));
    }

    private static async Task<Ok<CostBreachesView>> Breaches(string unit, FinanceQueries queries, CostToleranceBreaches breaches, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await breaches.ListAsync(found, ct));
    }

    private static async Task<Ok<IReadOnlyList<FinanceBaselineView>>> Baselines(string unit, FinanceQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.BaselinesAsync(found.Id, ct));
    }

    private static async Task<Ok<IReadOnlyList<FinanceChangeView>>> Changes(
        string unit, [Description("How many, 1-500; default 50.")] int? limit, FinanceQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.ChangesAsync(found.Id, Math.Clamp(limit ?? 50, 1, 500), ct));
    }

    private static async Task<IResult> ImportLedgerAsync(
        string? unit, [Description("The financial year, for files that give periods (P4) without one.")] string? year, bool? dryRun,
        HttpContext http, Ledger.LedgerImport import, CancellationToken ct)
    {
        var codes = MappingsFrom(http, "code");
        var accounts = MappingsFrom(http, "account");
        var fy = FinanceQuery.ParseYear(year);
        var name = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files.GetFile("file")?.FileName : null;
        await using var file = await ApiFiles.ReadAsync(http, ct);
        Ledger.LedgerReport report;
        try
        {
            report = await import.ImportAsync(unit, file, fy, new Ledger.LedgerMappings(codes, accounts), name, dryRun == true, ct: ct);
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", unreadable.Message)]);
        }

        if (report.ProblemCount == 0)
        {
            return TypedResults.Ok(report);
        }

        var errors = report.Problems.GroupBy(p => p.Row == 0 ? p.Column : $"row {p.Row}, {p.Column}")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, detail: report.ProblemCount > report.Problems.Count
            ? $"{report.ProblemCount} problems, the first {report.Problems.Count} listed; nothing was imported." : $"{report.ProblemCount} problems; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    // code[CC-1001]=DPP-PRJ-001 in the query.
    private static Dictionary<string, string> MappingsFrom(HttpContext http, string kind) =>
        http.Request.Query.Where(q => q.Key.StartsWith(kind + "[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .ToDictionary(q => q.Key[(kind.Length + 1)..^1], q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static async Task<IResult> Export(string unit, [AsParameters] FinanceQuery query, string? format, FinanceQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        await queries.DemandDetailAsync(found, "a download of its lines", ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.ExportRowsAsync(found, query.FinancialYear, query.SpendingCategory, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "finance", "Finance", spreadsheet, FinanceSpreadsheet.Columns, rows, clock, ct);
    }
}

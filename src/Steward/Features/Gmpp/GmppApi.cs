using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Gmpp;

public static class GmppApi
{
    public static void MapGmppApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/gmpp").WithTags("GMPP").ProducesRecordProblems();
        group.MapGet("/", Get).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The unit's GMPP entry (GMPP id, annual report category, department, joined and left; ETag its version) and its data by snapshot date, oldest first");
        group.MapPut("/", Set).Requires(PmoArea.Reporting, PmoAction.Approve)
            .WithSummary("Mark the unit as on the GMPP, or change its entry (If-Match once it has one)");
        group.MapGet("/narratives", Narratives).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The narratives for the unit's next return (as written in Steward, or the latest published return's until then: offeredFrom) and the fields withheld under an FOI exemption; ETag the entry's version");
        group.MapPut("/narratives", SetNarratives).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Write the narratives for the unit's next return and the fields withheld (withheld: field to exemption, such as whole-life-cost: section-43); If-Match the entry's version");
        group.MapGet("/return", Return).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The GMPP return of the unit and every GMPP unit below it for a snapshot date, filled from Steward: as JSON with every problem by unit and column, or (format=csv|xlsx) as the published file, refused while it has problems");
        api.MapGroup("/gmpp").WithTags("GMPP").ProducesRecordProblems().MapGet("/return", DepartmentReturn).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The GMPP return of the whole department (every GMPP unit the caller may read) for a snapshot date: as JSON with every problem, or (format=csv|xlsx) as the published file, refused while it has problems");
        group.MapPost("/import", Import).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(GmppImport.MaxFileBytes))
            .WithSummary("Import a department's published GMPP file (the body, or a form's file): projects no unit holds are created under this unit. dryRun=true only checks; matches by name and values that cannot be read need confirm=true");
    }

    private static async Task<Ok<GmppUnitView>> Get(string unit, GmppQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.UnitAsync(await queries.RequireReadableUnitAsync(unit, ct), ct);
        if (view.Membership is { } membership)
        {
            EntityTag.Write(http, membership.Version);
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Ok<GmppUnitView>> Set(string unit, GmppMembershipInput input, GmppMembershipService memberships, GmppQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? version = http.Request.Headers.IfMatch.Count == 0 ? null : EntityTag.RequireIfMatch(http);
        await memberships.SetAsync(found.Id.ToString(), version, input, ct);
        var view = await queries.UnitAsync(found, ct);
        EntityTag.Write(http, view.Membership!.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<GmppNarrativesView>> Narratives(string unit, GmppQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var view = await queries.NarrativesAsync(found.Id, ct) ?? throw new RecordNotFoundException("GMPP entry", found.Code);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<GmppNarrativesView>> SetNarratives(string unit, GmppNarrativesInput input, GmppMembershipService memberships, GmppQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? version = http.Request.Headers.IfMatch.Count == 0 ? null : EntityTag.RequireIfMatch(http);
        await memberships.SetNarrativesAsync(found.Id.ToString(), version, input, ct);
        var view = (await queries.NarrativesAsync(found.Id, ct))!;
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static Task<IResult> DepartmentReturn(
        [Description("The snapshot date: 31 March or 30 September (yyyy-mm-dd); default the latest up to today.")] DateOnly? asAt,
        [Description("The published layout: 2024 (19 columns, the default) or 2021 (16 columns).")] string? layout,
        [Description("json (the default, with every problem), csv (UTF-8 with BOM, as published) or xlsx.")] string? format,
        GmppReturns returns, TimeProvider clock, CancellationToken ct) => Return(null, asAt, layout, format, returns, clock, ct);

    private static async Task<IResult> Return(
        string? unit,
        [Description("The snapshot date: 31 March or 30 September (yyyy-mm-dd); default the latest up to today.")] DateOnly? asAt,
        [Description("The published layout: 2024 (19 columns, the default) or 2021 (16 columns).")] string? layout,
        [Description("json (the default, with every problem), csv (UTF-8 with BOM, as published) or xlsx.")] string? format,
        GmppReturns returns, TimeProvider clock, CancellationToken ct)
    {
        var date = asAt ?? GmppSnapshotDates.LatestOnOrBefore(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var built = await returns.BuildAsync(unit, date, GmppReturnLayouts.Parse(layout), ct);
        if (format is null or "" || format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(built);
        }

        var spreadsheet = Infrastructure.Spreadsheets.SpreadsheetFormats.Parse("format", format);
        if (built.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(built.Problems.GroupBy(p => $"{p.Unit}, {p.Column}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                detail: $"The return has {built.Problems.Count} problems; correct them before it is produced (format=json lists them).");
        }

        var file = new MemoryStream();
        await GmppReturnFile.WriteAsync(file, spreadsheet, built, ct);
        file.Position = 0;
        return Results.File(file, Infrastructure.Spreadsheets.SpreadsheetWriter.ContentType(spreadsheet), GmppReturnFile.Name(built, spreadsheet));
    }

    private static async Task<IResult> Import(
        string unit,
        [Description("Only check the file and say what importing it would do; nothing is written.")] bool? dryRun,
        [Description("Import although projects are matched to units by name or values will be kept as published text (check them in a dry run first).")] bool? confirm,
        [Description("The date the file's data stands at (31 March or 30 September), when the file does not say it.")] DateOnly? asAt,
        [Description("The file's name, for the report.")] string? fileName,
        HttpContext http, GmppImport import, CancellationToken ct)
    {
        await using var file = await ApiFiles.ReadAsync(http, ct);
        var name = fileName ?? (http.Request.HasFormContentType ? http.Request.Form.Files.GetFile("file")?.FileName : null) ?? "the file";
        GmppImportReport report;
        try
        {
            report = await import.ImportAsync(file, new GmppImportRequest(name, unit, asAt, dryRun == true, confirm == true), ct);
        }
        catch (Infrastructure.Spreadsheets.UnreadableSpreadsheetException unreadable)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", $"{name}: {unreadable.Message}")]);
        }

        if (!report.Refused)
        {
            return TypedResults.Ok(report);
        }

        var errors = report.Findings.Where(f => f.Refuses).GroupBy(f => $"{f.Where} ({f.Project}), {f.Field}").ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        return TypedResults.ValidationProblem(errors, detail: $"{name}: {report.Findings.Count(f => f.Refuses)} values must be corrected before it can be imported; nothing was imported.",
            extensions: new Dictionary<string, object?> { ["report"] = report });
    }
}

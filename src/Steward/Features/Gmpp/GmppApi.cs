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

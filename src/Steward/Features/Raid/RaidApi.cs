using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Each unit's RAID log: /api/v1/units/{unit}/risks and /issues. Lists roll up everything below the unit;
// an item is addressed under the unit whose log holds it (/units/DPP-PRJ-001/risks/R-0042).
public static class RaidApi
{
    public static void MapRaidApi(this IEndpointRouteBuilder api)
    {
        var raid = api.MapGroup("/units/{unit}").WithTags("RAID")
            .ProducesRecordProblems();

        raid.MapRisks();
        raid.MapIssues();
        raid.MapDependencies();
        raid.MapAssumptions();
        foreach (var register in RaidImportKind.Registers)
        {
            raid.MapPost($"/{register}/import", (string unit, HttpContext http, RaidImport import, string? defaultOwner, bool? dryRun, CancellationToken ct) =>
                    ImportAsync(RaidImportKind.For(register)!, unit, http, import, defaultOwner, dryRun, ct))
                .Requires(PmoArea.Raid, PmoAction.Contribute)
                .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(RaidImport.MaxFileBytes))
                .WithSummary($"Import {register} from an .xlsx or .csv file, all rows or none")
                .WithDescription("Send the file as the body (or as 'file' in a multipart form). Headings are recognised wherever they sit in the first 20 rows; map[Heading]=field overrides one (a field of the export, or '-' to leave a column out). defaultOwner (an e-mail) fills rows with no owner. dryRun=true checks and previews without writing. Any bad row: 400 listing every problem by row and column, nothing written.");
        }

        raid.MapGet("/risk-scale", GetRiskScale).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The names and definitions of the five likelihood and impact levels that apply here, and the portfolio that set them (null: Steward's own)");
        raid.MapPut("/risk-scale", SetRiskScale).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Set a portfolio's likelihood and impact levels (five each, lowest first: name and definition); everything below uses them. If-Match required once set.");
        raid.MapDelete("/risk-scale", ClearRiskScale).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Return a portfolio to Steward's own level names (If-Match required once set)");
        raid.MapGet("/raid-tolerances", GetTolerances).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The unit's RAID tolerances: its own, and those that apply (inherited from above where it sets none)");
        raid.MapPut("/raid-tolerances", SetTolerances).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Set the unit's RAID tolerances (riskScore 1-25, issuePriority); null inherits. Items below are escalated again at once. If-Match required once set.");
    }

    private static async Task<IResult> ImportAsync(RaidImportKind kind, string unit, HttpContext http, RaidImport import, string? defaultOwner, bool? dryRun, CancellationToken ct)
    {
        var mapping = ImportResults.MappingFrom(http.Request);
        await using var file = await ApiFiles.ReadAsync(http, ct);
        return await ImportResults.RunAsync(() => import.ImportAsync(kind, unit, file, mapping, defaultOwner, dryRun == true, ct: ct));
    }

    private static async Task<Ok<RiskScaleView>> GetRiskScale(string unit, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var view = await scales.EffectiveAsync(found.Path, ct);
        if (view.SetOn?.Id == found.Id && view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Ok<RiskScaleView>> SetRiskScale(string unit, RiskScaleInput input, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? expected = http.Request.Headers.IfMatch.Count > 0 ? EntityTag.RequireIfMatch(http) : null;
        var view = await scales.SetAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, view.Version!.Value);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> ClearRiskScale(string unit, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? expected = http.Request.Headers.IfMatch.Count > 0 ? EntityTag.RequireIfMatch(http) : null;
        await scales.ClearAsync(found.Id.ToString(), expected, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ToleranceView>> GetTolerances(string unit, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.TolerancesAsync(await queries.RequireReadableUnitAsync(unit, ct), ct);
        if (view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    // The first time a unit sets tolerances there is nothing to match; after that If-Match is required.
    private static async Task<Ok<ToleranceView>> SetTolerances(string unit, ToleranceInput input, RaidLog log, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.TolerancesAsync(found, ct);
        int? expected = current.Version is null ? null : EntityTag.RequireIfMatch(http);
        await log.SetTolerancesAsync(found.Id.ToString(), expected, input.RiskScore, input.IssuePriority, input.DependencyLateDays, ct);
        var view = await queries.TolerancesAsync(found, ct);
        EntityTag.Write(http, view.Version!.Value);
        return TypedResults.Ok(view);
    }
}

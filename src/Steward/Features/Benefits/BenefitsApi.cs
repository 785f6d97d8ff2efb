using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

public static class BenefitsApi
{
    // The download's address, for the register page's links.
    public static string ExportAddress(string unit, string format) =>
        $"/api/v1/units/{Uri.EscapeDataString(unit)}/benefits/export?format={Uri.EscapeDataString(format)}";

    public static string RealisationExportAddress(string unit, string format) =>
        $"/api/v1/units/{Uri.EscapeDataString(unit)}/benefits/realisation/export?format={Uri.EscapeDataString(format)}";

    public static void MapBenefitsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/benefits").WithTags("Benefits").ProducesRecordProblems();
        group.MapGet("/", List).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The benefits register of a unit and everything below it, by reference");
        group.MapGet("/export", Export).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The benefits register of a unit and everything below it as a spreadsheet (format=xlsx or csv), each benefit with its latest measurement");
        group.MapGet("/realisation", Realisation).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The unit's benefits and those below it rolled up: monetised worth planned against realised by financial year and category, counts by category and status, measurements overdue, and benefits beyond their benefits tolerance with the level each is escalated to");
        group.MapGet("/realisation/export", RealisationExport).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The roll-up's worth by financial year and category as a spreadsheet (format=xlsx or csv)");
        group.MapGet("/handover", HandoverCandidates).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The benefits at or below the unit still to be realised, with their owners and whether they have been handed over at close-out");
        group.MapPost("/handover", HandOver).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Hand benefits over to their business-as-usual owners at close-out: all or nothing; each records its owner and the date");
        group.MapPost("/import", Import).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(BenefitImport.MaxFileBytes))
            .WithSummary("Import benefits from an .xlsx or .csv file (the body, or a form's file), all rows or none; ?map[Heading]=field maps a column, dryRun=true only checks");
        group.MapPost("/", Record).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Record a benefit (or dis-benefit) in the unit's register");
        group.MapGet("/{reference}", Get).Requires(PmoArea.Benefits, PmoAction.Read).OwnerMay<RouteHandlerBuilder, BenefitOwners>().WithName("GetBenefit")
            .WithSummary("One benefit, by reference (B-0007)");
        group.MapPut("/{reference}", Update).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Replace a benefit's fields (If-Match required)");
        group.MapPost("/{reference}/measurements", Measure).Requires(PmoArea.Benefits, PmoAction.Contribute).OwnerMay<RouteHandlerBuilder, BenefitOwners>()
            .WithSummary("Record a value of the benefit's measure, also once the unit that enabled it has closed; its owner may whatever roles they hold. Answers the benefit with its measurements against the profile");
        api.MapGet("/benefits/owned", Owned).AnySignedIn().WithTags("Benefits")
            .WithSummary("The benefits the signed-in person owns, wherever they are held and whatever roles the person holds");
        group.MapGet("/{reference}/history", History).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The benefit's change history, newest first");
    }

    private static async Task<Ok<CursorPage<BenefitSummary>>> List(
        string unit, [Description("Only benefits in this status: identified, validated, in-realisation, realised, not-realised or withdrawn.")] string? status,
        [AsParameters] PageQuery page, BenefitQueries queries, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.ListAsync(found, EnumText.ParseOptional<BenefitStatus>("status", status), page.Page, ct));
    }

    private static async Task<IResult> Export(
        string unit, [Description("xlsx (the default) or csv.")] string? format, [Description("Only benefits in this status.")] string? status,
        BenefitQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = Infrastructure.Spreadsheets.SpreadsheetFormats.Parse("format", format);
        var rows = await queries.ExportRowsAsync(found, EnumText.ParseOptional<BenefitStatus>("status", status), ct);
        return await Infrastructure.Spreadsheets.SpreadsheetDownload.FileAsync(found.Code, "benefits", "Benefits", spreadsheet, BenefitsSpreadsheet.Columns, rows, clock, ct);
    }

    private static async Task<Ok<BenefitRollupView>> Realisation(string unit, BenefitQueries queries, BenefitRollups rollups, CancellationToken ct) =>
        TypedResults.Ok(await rollups.ForAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<IResult> RealisationExport(string unit, [Description("xlsx (the default) or csv.")] string? format, BenefitQueries queries, BenefitRollups rollups, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = Infrastructure.Spreadsheets.SpreadsheetFormats.Parse("format", format);
        var rows = BenefitWorthSpreadsheet.Rows(await rollups.ForAsync(found, ct));
        return await Infrastructure.Spreadsheets.SpreadsheetDownload.FileAsync(found.Code, "benefits-realisation", "Benefits by year", spreadsheet, BenefitWorthSpreadsheet.Columns, rows, clock, ct);
    }

    private static async Task<Ok<IReadOnlyList<HandoverCandidate>>> HandoverCandidates(string unit, BenefitQueries queries, BenefitHandover handover, CancellationToken ct) =>
        TypedResults.Ok(await handover.CandidatesAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Ok<IReadOnlyList<HandoverCandidate>>> HandOver(string unit, HandoverRequest request, BenefitQueries queries, BenefitHandover handover, CancellationToken ct)
    {
        await handover.HandOverAsync(unit, request.Benefits ?? [], ct);
        return TypedResults.Ok(await handover.CandidatesAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));
    }

    private static async Task<IResult> Import(string unit, bool? dryRun, HttpContext http, BenefitImport import, CancellationToken ct)
    {
        var mapping = Infrastructure.Spreadsheets.ImportResults.MappingFrom(http.Request);
        await using var file = await ApiFiles.ReadAsync(http, ct);
        return await Infrastructure.Spreadsheets.ImportResults.RunAsync(() => import.ImportAsync(unit, file, mapping, dryRun == true, ct));
    }

    private static async Task<CreatedAtRoute<BenefitView>> Record(string unit, BenefitInput input, BenefitService service, BenefitQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var benefit = await service.RecordAsync(found.Id.ToString(), input, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetBenefit", found.Code, queries.BenefitAsync(found, benefit.Reference, ct));
    }

    private static Task<Ok<BenefitView>> Get([AsParameters] EntryRoute at, BenefitQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, queries.ReadableOrOwnedAsync(at.Unit, at.Reference, ct));

    private static async Task<Ok<IReadOnlyList<BenefitSummary>>> Owned(BenefitQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.OwnedAsync(ct));

    private static Task<Ok<BenefitView>> Update([AsParameters] EntryRoute at, BenefitInput input, BenefitService service, BenefitQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, queries, ct), (id, version) => service.UpdateAsync(id, version, input, ct));

    private static async Task<Created<BenefitView>> Measure(
        [AsParameters] EntryRoute at, MeasurementInput input, BenefitService service, BenefitQueries queries, HttpContext http, CancellationToken ct)
    {
        var benefit = await queries.ReadableOrOwnedAsync(at.Unit, at.Reference, ct);
        await service.RecordMeasurementAsync(benefit.Id, input, ct);
        var view = await queries.ReadableOrOwnedAsync(at.Unit, at.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/units/{Uri.EscapeDataString(view.Unit.Code)}/benefits/{view.Reference}", view);
    }

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, BenefitQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, ReadAsync(at, queries, ct), page, ct);

    private static async Task<BenefitView> ReadAsync(EntryRoute at, BenefitQueries queries, CancellationToken ct) =>
        await queries.BenefitAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

public sealed record HandoverRequest(IReadOnlyList<HandoverInput>? Benefits);

using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/reports").WithTags("Reporting").ProducesRecordProblems();
        group.MapGet("/", List).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The unit's own status reports, newest period first, every edition");
        group.MapGet("/due", Due).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("Reports due and late: the last three ended periods (those that ended after the unit was created; always the last) of every open programme and project at or below the unit, where it has not submitted its report");
        group.MapGet("/prefill", Prefill).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("What a report for the period (default: the last ended) would be pre-filled with from live data now, without drafting one");
        group.MapGet("/trend", Trend).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The unit's DCA and dimension ratings over its last reports of record, with forecast end drift, spend against budget and benefits against profile as each quoted them");
        group.MapGet("/distribution", Distribution).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The DCA of the units below by month, and the units whose DCA moved between their last two reports");
        group.MapPost("/", Draft).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Draft the unit's status report for a period of its cadence (2026-11, 2026-Q4, 2026-W49), pre-filled from live data, ratings carried from the last report");
        group.MapGet("/{reference}", Get).Requires(PmoArea.Reporting, PmoAction.Read).WithName("GetStatusReport")
            .WithSummary("One status report (SR-0012): a draft's figures live, a submitted report's as frozen in its snapshot");
        group.MapPut("/{reference}", Update).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Replace a draft or returned report's words and ratings (If-Match required); a submitted report is corrected instead (409)");
        group.MapPost("/{reference}/submit", Submit).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Submit the report (If-Match required): needs the overall DCA, and a justification for any rating worse than the last report's; freezes what it quotes");
        group.MapPost("/{reference}/approve", Approve).Requires(PmoArea.Reporting, PmoAction.Approve)
            .WithSummary("Approve a submitted report (If-Match required); refused to the person who submitted it where the portfolio forbids approving one's own");
        group.MapPost("/{reference}/return", Return).Requires(PmoArea.Reporting, PmoAction.Approve)
            .WithSummary("Return a submitted report to its author with comments (If-Match required)");
        group.MapPost("/{reference}/corrections", Correct).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Start a correction of a submitted report: a new edition of its period that says what changed; both are kept");
        group.MapGet("/{reference}/snapshot", Snapshot).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("What the submitted report froze: the facts it quoted, its ratings, a digest of its words, and the SHA-256 digest the history recorded");
        group.MapGet("/{reference}/history", History).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The report's history (drafted, changed, submitted, approved or returned), newest first");

        var cycle = api.MapGroup("/units/{unit}/reporting-cycle").WithTags("Reporting").ProducesRecordProblems();
        cycle.MapGet("/", Cycle).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("How the unit reports: cadence, days after a period ends that a report is due, DCA scale and self-approval, each with the unit that set it");
        cycle.MapPut("/", SetCycle).Requires(PmoArea.Reporting, PmoAction.Approve)
            .WithSummary("Set the unit's own reporting cycle, for it and the units below that set none (If-Match once it has one)");

        var dca = api.MapGroup("/units/{unit}/independent-dca").WithTags("Reporting").ProducesRecordProblems();
        dca.MapGet("/", Independent).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("Independent delivery confidence assessments of the unit (IPA or departmental assurance), newest first");
        dca.MapPost("/", RecordIndependent).Requires(PmoArea.Assurance, PmoAction.Approve)
            .WithSummary("Record an independent DCA, apart from the SRO's own, on the portfolio's scale");

        api.MapGet("/me/reports/due", Mine).AnySignedIn().WithTags("Reporting")
            .WithSummary("Reports due and late for the units the signed-in person is SRO or manager of");
    }

    private static async Task<Ok<IReadOnlyList<StatusReportSummary>>> List(string unit, [Description("At most this many, 1-500; default 50.")] int? limit, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(await queries.RequireReadableUnitAsync(unit, ct), limit ?? 50, ct));

    private static async Task<Ok<ReportsDueView>> Due(string unit, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DueAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Ok<ReportsDueView>> Mine(ReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MineAsync(ct));

    private static async Task<Ok<ReportFacts>> Prefill(string unit, [Description("A period of the unit's cadence; default the last ended.")] string? period, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.PrefillAsync(await queries.RequireReadableUnitAsync(unit, ct), period, ct));

    private static async Task<Ok<ReportTrend>> Trend(string unit, [Description("Reports shown, 1-60; default 12.")] int? length, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TrendAsync(await queries.RequireReadableUnitAsync(unit, ct), length ?? ReportQueries.TrendLength, ct));

    private static async Task<Ok<DcaDistribution>> Distribution(string unit, [Description("Months shown, 1-36; default 6.")] int? months, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DistributionAsync(await queries.RequireReadableUnitAsync(unit, ct), months ?? 6, ct));

    private static async Task<CreatedAtRoute<StatusReportView>> Draft(string unit, DraftRequest request, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var report = await service.DraftAsync(found.Id.ToString(), request, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetStatusReport", found.Code, queries.ReportAsync(found, report.Reference, ct));
    }

    private static Task<Ok<StatusReportView>> Get([AsParameters] EntryRoute at, ReportQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, ReadAsync(at, queries, ct));

    private static Task<Ok<StatusReportView>> Update([AsParameters] EntryRoute at, StatusReportInput input, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, queries, ct), (id, version) => service.UpdateAsync(id, version, input, ct));

    private static Task<Ok<StatusReportView>> Submit([AsParameters] EntryRoute at, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, queries, ct), (id, version) => service.SubmitAsync(id, version, ct));

    private static Task<Ok<StatusReportView>> Approve([AsParameters] EntryRoute at, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, queries, ct), (id, version) => service.ApproveAsync(id, version, ct));

    private static Task<Ok<StatusReportView>> Return([AsParameters] EntryRoute at, ReturnRequest request, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, queries, ct), (id, version) => service.ReturnAsync(id, version, request, ct));

    private static async Task<CreatedAtRoute<StatusReportView>> Correct([AsParameters] EntryRoute at, CorrectionRequest request, StatusReportService service, ReportQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(at.Unit, ct);
        var report = await queries.ReportAsync(found, at.Reference, ct);
        var correction = await service.CorrectAsync(report.Id, request, ct);
        return await RegisterEndpoints.CreatedAsync(http, "GetStatusReport", found.Code, queries.ReportAsync(found, correction.Reference, ct));
    }

    private static async Task<Ok<SnapshotView>> Snapshot([AsParameters] EntryRoute at, ReportQueries queries, ReportSnapshots snapshots, Data.StewardDbContext db, CancellationToken ct)
    {
        var report = await ReadAsync(at, queries, ct);
        if (!report.FactsFrozen || report.SnapshotDigest is null || await snapshots.LatestAsync(report.Id, ct) is not { } document)
        {
            throw new RecordStateConflictException($"{report.Reference} is {report.State}: it is frozen into a snapshot when it is submitted");
        }

        return TypedResults.Ok(new SnapshotView(report.Reference, report.SubmittedAt!.Value, report.SnapshotDigest, document));
    }

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, ReportQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, ReadAsync(at, queries, ct), page, ct);

    private static async Task<Ok<ReportingCycleView>> Cycle(string unit, ReportQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.CycleAsync(await queries.RequireReadableUnitAsync(unit, ct), ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ReportingCycleView>> SetCycle(string unit, ReportingCycleInput input, ReportingCycles cycles, ReportQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? version = http.Request.Headers.IfMatch.Count == 0 ? null : EntityTag.RequireIfMatch(http);
        await cycles.SetCycleAsync(found.Id.ToString(), version, input, ct);
        var view = await queries.CycleAsync(found, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<IReadOnlyList<IndependentDcaView>>> Independent(string unit, ReportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.IndependentAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Created<IReadOnlyList<IndependentDcaView>>> RecordIndependent(string unit, IndependentDcaInput input, IndependentAssessments assessments, ReportQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        await assessments.RecordIndependentAsync(found.Id.ToString(), input, ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/units/{Uri.EscapeDataString(found.Code)}/independent-dca", await queries.IndependentAsync(found, ct));
    }

    private static async Task<StatusReportView> ReadAsync(EntryRoute at, ReportQueries queries, CancellationToken ct) =>
        await queries.ReportAsync(await queries.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

public sealed record SnapshotView(string Reference, DateTime SubmittedAt, string Digest, SnapshotDocument Snapshot);

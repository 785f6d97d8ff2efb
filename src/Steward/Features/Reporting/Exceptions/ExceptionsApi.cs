using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.Exceptions;

public static class ExceptionsApi
{
    public static void MapExceptionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/exceptions").WithTags("Reporting").ProducesRecordProblems();
        group.MapGet("/", List).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("Exceptions at and below the unit, open ones first and oldest first (at most 500)");
        group.MapPost("/scan", Scan).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Measure the unit and the open programmes and projects below it against their tolerances now, and open an exception for each breach or forecast breach not already open; answers those opened");
        group.MapGet("/{reference}", Get).Requires(PmoArea.Reporting, PmoAction.Read).WithName("GetException")
            .WithSummary("One exception (EX-0004) with its evidence and exception report");
        group.MapPut("/{reference}", Update).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Write the exception report: cause, consequences, options (each with its effect on the business case, risks and tolerances), recommendation, lessons (If-Match required)");
        group.MapPost("/{reference}/submit", Submit).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .WithSummary("Send the exception report to the board of the level that set the tolerance (If-Match required)");
        group.MapPost("/{reference}/decide", Decide).Requires(PmoArea.Governance, PmoAction.Contribute)
            .WithSummary("Record the board's decision in that level's governance register and close the exception (If-Match required; needs the right to record decisions there too)");
        group.MapGet("/{reference}/history", History).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The exception's history, newest first");
    }

    private static async Task<Ok<IReadOnlyList<ExceptionView>>> List(
        string unit, [Description("Only exceptions in this state: open, with-board or decided.")] string? state, ReportQueries reports, ExceptionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(await reports.RequireReadableUnitAsync(unit, ct), EnumText.ParseOptional<ExceptionState>("state", state), ct));

    private static async Task<Ok<IReadOnlyList<ExceptionView>>> Scan(string unit, ReportQueries reports, ExceptionService service, ExceptionQueries queries, CancellationToken ct)
    {
        var found = await reports.RequireReadableUnitAsync(unit, ct);
        var opened = (await service.ScanAsync(found.Id.ToString(), ct)).Select(e => e.Id).ToHashSet();
        return TypedResults.Ok<IReadOnlyList<ExceptionView>>((await queries.ListAsync(found, ExceptionState.Open, ct)).Where(e => opened.Contains(e.Id)).ToList());
    }

    private static Task<Ok<ExceptionView>> Get([AsParameters] EntryRoute at, ReportQueries reports, ExceptionQueries queries, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.GetAsync(http, ReadAsync(at, reports, queries, ct));

    private static Task<Ok<ExceptionView>> Update([AsParameters] EntryRoute at, ExceptionReportInput input, ReportQueries reports, ExceptionQueries queries, ExceptionService service, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, reports, queries, ct), (id, version) => service.UpdateReportAsync(id, version, input, ct));

    private static Task<Ok<ExceptionView>> Submit([AsParameters] EntryRoute at, ReportQueries reports, ExceptionQueries queries, ExceptionService service, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, reports, queries, ct), (id, version) => service.SubmitAsync(id, version, ct));

    private static Task<Ok<ExceptionView>> Decide([AsParameters] EntryRoute at, ExceptionDecisionInput input, ReportQueries reports, ExceptionQueries queries, ExceptionService service, HttpContext http, CancellationToken ct) =>
        RegisterEndpoints.ChangeAsync(http, () => ReadAsync(at, reports, queries, ct), (id, version) => service.DecideAsync(id, version, input, ct));

    private static Task<Ok<CursorPage<HistoryEntry>>> History([AsParameters] EntryRoute at, [AsParameters] PageQuery page, ReportQueries reports, ExceptionQueries queries, HistoryQueries history, CancellationToken ct) =>
        RegisterEndpoints.HistoryAsync(history, ReadAsync(at, reports, queries, ct), page, ct);

    private static async Task<ExceptionView> ReadAsync(EntryRoute at, ReportQueries reports, ExceptionQueries queries, CancellationToken ct) =>
        await queries.ExceptionAsync(await reports.RequireReadableUnitAsync(at.Unit, ct), at.Reference, ct);
}

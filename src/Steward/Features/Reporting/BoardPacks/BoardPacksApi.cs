using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.BoardPacks;

public static class BoardPacksApi
{
    public static void MapBoardPacksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/board-packs").WithTags("Reporting").ProducesRecordProblems();
        group.MapGet("/", List).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The unit's board packs, newest first (at most 50), with how far each has got");
        group.MapPost("/", Request).Requires(PmoArea.Reporting, PmoAction.Contribute)
            .Produces<BoardPackView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Ask for the unit's board pack for a period of its cadence (default the last ended): printed to PDF in the background; poll it until it is ready. "
                + "The pack already queued or printing for that period is answered instead of a second. 503 where the server has no Chromium to print with");
        group.MapGet("/{id:guid}", Get).Requires(PmoArea.Reporting, PmoAction.Read).WithName("GetBoardPack")
            .WithSummary("One board pack: queued, printing (with progress and the step it is on), ready (size and SHA-256) or failed (with the reason)");
        group.MapGet("/{id:guid}/pdf", Pdf).Requires(PmoArea.Reporting, PmoAction.Read).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The PDF of a ready board pack (409 until it is ready)");
    }

    private static async Task<Ok<IReadOnlyList<BoardPackView>>> List(string unit, ReportQueries reports, BoardPackService packs, CancellationToken ct) =>
        TypedResults.Ok(await packs.ListAsync(await reports.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Results<Accepted<BoardPackView>, ProblemHttpResult>> Request(string unit, BoardPackRequest? request, ReportQueries reports, BoardPackService packs, CancellationToken ct)
    {
        var found = await reports.RequireReadableUnitAsync(unit, ct);
        try
        {
            var pack = await packs.RequestAsync(found, request ?? new BoardPackRequest(null), ct);
            return TypedResults.Accepted($"/api/v1/units/{Uri.EscapeDataString(found.Code)}/board-packs/{pack.Id}", pack);
        }
        catch (BoardPackPrinterMissing missing)
        {
            return TypedResults.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Board packs cannot be printed on this server");
        }
    }

    private static async Task<Ok<BoardPackView>> Get(string unit, Guid id, ReportQueries reports, BoardPackService packs, CancellationToken ct) =>
        TypedResults.Ok(await packs.ViewAsync(await reports.RequireReadableUnitAsync(unit, ct), id, ct));

    private static async Task<FileContentHttpResult> Pdf(string unit, Guid id, ReportQueries reports, BoardPackService packs, CancellationToken ct)
    {
        var (pdf, name) = await packs.PdfAsync(await reports.RequireReadableUnitAsync(unit, ct), id, ct);
        return TypedResults.File(pdf, "application/pdf", name);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Benefits.Map;

public static class BenefitMapApi
{
    public static void MapBenefitMapApi(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units/{unit}").WithTags("Benefits map").ProducesRecordProblems();
        units.MapGet("/benefit-map", Map).Requires(PmoArea.Benefits, PmoAction.Read)
            .WithSummary("The unit's benefits map: enablers, business changes, benefits and strategic objectives with the links between them, each placed in a column (left contributes to right) and a row");
        units.MapPost("/strategic-objectives", AddObjective).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Add a strategic objective (SO-0002) to a portfolio; the units below choose it on their maps");
        units.MapPost("/business-changes", AddChange).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Add an outcome or business change (BC-0003) to the unit's benefits map");
        units.MapPost("/benefit-map/links", Link).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Say that one thing contributes to another on the map (from and to: B-0007, BC-0003, SO-0002, a unit's code or a milestone DPP-PRJ-001#12); a link that makes a loop is refused");
        units.MapDelete("/benefit-map/links/{id:guid}", Unlink).Requires(PmoArea.Benefits, PmoAction.Contribute)
            .WithSummary("Remove a link from the map");
    }

    private static async Task<Ok<BenefitMapView>> Map(string unit, BenefitQueries benefits, BenefitMapQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MapAsync(await benefits.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Created<MapRecordView>> AddObjective(string unit, MapRecordInput input, BenefitMapService service, HttpContext http, CancellationToken ct)
    {
        var added = await service.AddObjectiveAsync(unit, input, ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/units/{Uri.EscapeDataString(unit)}/benefit-map", new MapRecordView(added.Id, added.Reference, added.Title, added.Description));
    }

    private static async Task<Created<MapRecordView>> AddChange(string unit, MapRecordInput input, BenefitMapService service, HttpContext http, CancellationToken ct)
    {
        var added = await service.AddChangeAsync(unit, input, ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/units/{Uri.EscapeDataString(unit)}/benefit-map", new MapRecordView(added.Id, added.Reference, added.Title, added.Description));
    }

    private static async Task<Created<MapLinkView>> Link(string unit, MapLinkInput input, BenefitMapService service, HttpContext http, CancellationToken ct)
    {
        var link = await service.LinkAsync(unit, input, ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/units/{Uri.EscapeDataString(unit)}/benefit-map/links/{link.Id}",
            new MapLinkView(link.Id, input.From!.Trim().ToUpperInvariant(), input.To!.Trim().ToUpperInvariant()));
    }

    private static async Task<NoContent> Unlink(string unit, Guid id, BenefitMapService service, CancellationToken ct)
    {
        await service.UnlinkAsync(unit, id, ct);
        return TypedResults.NoContent();
    }
}

public sealed record MapRecordView(Guid Id, string Reference, string Title, string? Description);

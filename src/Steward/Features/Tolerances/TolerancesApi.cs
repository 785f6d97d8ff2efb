using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Tolerances;

// One dimension's limits in a change: a side left null inherits from above.
public sealed record ToleranceBandInput(
    [property: Description("How far above plan the unit may go before escalating, in the dimension's measure; null inherits from above.")] decimal? Over,
    [property: Description("How far below plan; null inherits from above. Quality, risk, issues and dependencies have none.")] decimal? Under);

// The dimensions to change; a dimension left out keeps what it has.
public sealed record TolerancesInput(
    [property: Description("Working days later (over) or earlier (under) than planned.")] ToleranceBandInput? Time,
    [property: Description("Per cent of budget over or under.")] ToleranceBandInput? Cost,
    [property: Description("Per cent of agreed scope over or under.")] ToleranceBandInput? Scope,
    [property: Description("Per cent of quality criteria missed (over only).")] ToleranceBandInput? Quality,
    [property: Description("Per cent of forecast benefits over or under.")] ToleranceBandInput? Benefits,
    [property: Description("The highest current score of an open threat the unit holds (over only, 0-25).")] ToleranceBandInput? Risk,
    [property: Description("The highest issue priority the unit holds: 0 none, 1 low, 2 medium, 3 high, 4 critical (over only).")] ToleranceBandInput? Issues,
    [property: Description("The most working days late a committed dependency may be (over only).")] ToleranceBandInput? Dependencies)
{
    public Dictionary<ToleranceDimension, (decimal? Over, decimal? Under)> Changes()
    {
        var bands = new (ToleranceDimension Dimension, ToleranceBandInput? Band)[]
        {
            (ToleranceDimension.Time, Time), (ToleranceDimension.Cost, Cost), (ToleranceDimension.Scope, Scope),
            (ToleranceDimension.Quality, Quality), (ToleranceDimension.Benefits, Benefits), (ToleranceDimension.Risk, Risk),
            (ToleranceDimension.Issues, Issues), (ToleranceDimension.Dependencies, Dependencies),
        };
        return bands.Where(b => b.Band is not null).ToDictionary(b => b.Dimension, b => (b.Band!.Over, b.Band.Under));
    }
}

public static class TolerancesApi
{
    public static void MapTolerancesApi(this IEndpointRouteBuilder api)
    {
        var tolerances = api.MapGroup("/units/{unit}/tolerances").WithTags("Tolerances").ProducesRecordProblems();
        tolerances.MapGet("/", Get).WithSummary("A unit's tolerances: its own limits and those that apply, with where each is set")
            .Requires(PmoArea.Delivery, PmoAction.Read);
        tolerances.MapPut("/", Set).WithSummary("Set some of a unit's own tolerances (If-Match required once it has any)")
            .WithDescription("Dimensions left out keep what they have; a side given as null inherits from the unit above. Risk, issues and dependencies also need the right to approve RAID items here.")
            .Requires(PmoArea.Change, PmoAction.Approve);
        tolerances.MapGet("/{dimension}/evaluation", Evaluate)
            .WithSummary("Whether a deviation breaches the unit's tolerance, by how much, which level owns the limit and where it would be held")
            .Requires(PmoArea.Delivery, PmoAction.Read);
    }

    private static async Task<Ok<UnitTolerancesView>> Get(string unit, UnitQueries units, ToleranceQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.ViewAsync(await units.LocateAsync(unit, ct), ct);
        if (view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    // The first time a unit sets tolerances there is nothing to match; after that If-Match is required.
    private static async Task<Ok<UnitTolerancesView>> Set(
        string unit, TolerancesInput input, UnitQueries units, ToleranceQueries queries, ToleranceService service, HttpContext http, CancellationToken ct)
    {
        var found = await units.LocateAsync(unit, ct);
        var current = await queries.ViewAsync(found, ct);
        int? expected = current.Version is null ? null : EntityTag.RequireIfMatch(http);
        await service.SetAsync(found.Id.ToString(), expected, input.Changes(), ct);
        var view = await queries.ViewAsync(found, ct);
        EntityTag.Write(http, view.Version!.Value);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ToleranceEvaluation>> Evaluate(
        string unit, string dimension,
        [Description("The deviation from plan in the dimension's measure: positive over (later, dearer, a higher score), negative under.")] decimal? value,
        UnitQueries units, ToleranceQueries queries, CancellationToken ct)
    {
        var which = EnumText.ParseOptional<ToleranceDimension>("dimension", dimension)!.Value;
        if (value is not { } deviation)
        {
            throw new ValidationException([new ValidationFailure("value", "Give the value to evaluate (value=...)")]);
        }

        return TypedResults.Ok(await queries.EvaluateAsync(await units.LocateAsync(unit, ct), which, deviation, ct));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Finance.BusinessCases;

public static class BusinessCaseApi
{
    public static void MapBusinessCaseApi(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/units/{unit}/business-case").WithTags("Business case").ProducesRecordProblems();
        cases.MapGet("/", Get).WithSummary("A unit's business case: the five cases, its stage and approval, and the options appraisal (present values, NPSV, BCR); version 0 where it has none yet")
            .Requires(PmoArea.Finance, PmoAction.Read);
        cases.MapPut("/", Save).WithSummary("Write the business case (If-Match required once it exists); options are matched by name and replace those held")
            .Requires(PmoArea.Finance, PmoAction.Contribute);
        cases.MapPost("/approval", Approve).WithSummary("Record a stage approved by a decision in the governance log (If-Match required)")
            .Requires(PmoArea.Finance, PmoAction.Approve);
        cases.MapPost("/finance-baseline", SetBaseline).WithSummary("Set the unit's budget baseline from the approved full business case's preferred option")
            .Requires(PmoArea.Finance, PmoAction.Approve);
    }

    private static async Task<Ok<BusinessCaseView>> Get(string unit, FinanceQueries finance, BusinessCaseQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await finance.RequireReadableUnitAsync(unit, ct);
        var view = await queries.ViewAsync(found, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<BusinessCaseView>> Save(
        string unit, BusinessCaseInput input, FinanceQueries finance, BusinessCaseQueries queries, BusinessCaseService service, HttpContext http, CancellationToken ct)
    {
        var found = await finance.RequireReadableUnitAsync(unit, ct);
        int? expected = (await queries.ViewAsync(found, ct)).Version == 0 ? null : EntityTag.RequireIfMatch(http);
        var version = await service.SaveAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await queries.ViewAsync(found, ct));
    }

    private static async Task<Ok<BusinessCaseView>> Approve(
        string unit, ApprovalInput input, FinanceQueries finance, BusinessCaseQueries queries, BusinessCaseService service, HttpContext http, CancellationToken ct)
    {
        var found = await finance.RequireReadableUnitAsync(unit, ct);
        var version = await service.ApproveAsync(found.Id.ToString(), EntityTag.RequireIfMatch(http), input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await queries.ViewAsync(found, ct));
    }

    private static async Task<Ok<IReadOnlyList<FinanceBaselineView>>> SetBaseline(
        string unit, CaseBaselineInput input, FinanceQueries finance, BusinessCaseService service, HttpContext http, CancellationToken ct)
    {
        var found = await finance.RequireReadableUnitAsync(unit, ct);
        var version = await service.SetFinanceBaselineAsync(found.Id.ToString(), input, ct);
        EntityTag.Write(http, version);
        return TypedResults.Ok(await finance.BaselinesAsync(found.Id, ct));
    }
}

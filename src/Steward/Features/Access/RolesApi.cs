using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Units;

namespace Steward.Features.Access;

public static class RolesApi
{
    public static IEndpointRouteBuilder MapRolesApi(this IEndpointRouteBuilder api)
    {
        var roles = api.MapGroup("/roles").WithTags("Roles")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        roles.MapGet("/matrix", Matrix).WithSummary("What each role may do in each PMO area").Requires(PmoArea.Access, PmoAction.Read);
        roles.MapPost("/", Grant).WithSummary("Give a person a role on a unit and everything below it (no unit: the whole department)")
            .Requires(PmoArea.Access, PmoAction.Administer);
        roles.MapDelete("/{id:guid}", Revoke).WithSummary("Take a role away").Requires(PmoArea.Access, PmoAction.Administer);

        api.MapGet("/units/{unit}/roles", OnUnit).WithTags("Roles")
            .WithSummary("Who holds roles on a unit, on it or inherited from above").Requires(PmoArea.Access, PmoAction.Read);
        api.MapGet("/me", Me).WithTags("Roles").WithSummary("The account the request acts as, and its roles").AnySignedIn();
        return api;
    }

    private static Ok<IEnumerable<MatrixRow>> Matrix() => TypedResults.Ok(
        Enum.GetValues<StewardRole>().SelectMany(role => Enum.GetValues<PmoArea>().Select(area =>
            new MatrixRow(role, area, PermissionMatrix.ActionsOf(role, area).ToList()))));

    private static async Task<Created<RoleHolder>> Grant(GrantRole input, RoleService roles, CancellationToken ct)
    {
        var assignment = await roles.GrantAsync(input.Email, input.Role, input.Unit, ct);
        var holder = (await roles.OfPersonAsync(input.Email!, ct)).First(h => h.Id == assignment.Id);
        return TypedResults.Created($"/api/v1/roles/{assignment.Id}", holder);
    }

    private static async Task<NoContent> Revoke(Guid id, RoleService roles, CancellationToken ct)
    {
        await roles.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<RoleHolder>>> OnUnit(string unit, UnitQueries units, RoleService roles, CancellationToken ct)
    {
        var found = await units.RequireAsync(unit, ct);
        return TypedResults.Ok(await roles.OnUnitAsync(found.Id, found.Path, ct));
    }

    private static async Task<Ok<Actor>> Me(HttpContext http, AccessPolicy access, CancellationToken ct) =>
        TypedResults.Ok(new Actor(
            http.User.Identity?.Name ?? string.Empty,
            http.User.FindFirst(Accounts.StewardClaimsFactory.DisplayName)?.Value ?? string.Empty,
            access.IsReadOnly,
            (await access.GrantsAsync(ct)).Select(g => new MyRole(g.Role, g.UnitId)).ToList()));
}

public sealed record GrantRole(string? Email, StewardRole? Role, string? Unit);

public sealed record MatrixRow(StewardRole Role, PmoArea Area, IReadOnlyList<PmoAction> Actions);

public sealed record Actor(string Email, string Name, bool ReadOnlyToken, IReadOnlyList<MyRole> Roles);

public sealed record MyRole(StewardRole Role, Guid? UnitId);

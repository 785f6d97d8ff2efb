using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapGet("/", List).WithSummary("List people (filter by q: text in the name or email)").Requires(PmoArea.Access, PmoAction.Read);
        people.MapGet("/{id:guid}", Get).WithSummary("Get one person").WithName("GetPerson").Requires(PmoArea.Access, PmoAction.Read);
        people.MapPost("/", Create).WithSummary("Add a person who can be named as SRO, manager or PMO contact").Requires(PmoArea.Access, PmoAction.Contribute);
        return people;
    }

    private static async Task<Ok<CursorPage<PersonView>>> List(StewardDbContext db, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 500)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("limit", "Limit must be between 1 and 500")]);
        }

        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            people = people.Where(p => p.Name.ToLower().Contains(text) || p.Email.Contains(text));
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            // People are paged by e-mail address, which is unique; the cursor is the last one seen.
            var after = Uri.UnescapeDataString(cursor);
            people = people.Where(p => string.Compare(p.Email, after) > 0);
        }

        var rows = await people.OrderBy(p => p.Email).Take(take + 1)
            .Select(p => new PersonView(p.Id, p.Name, p.Email, p.RoleTitle, p.Version)).ToListAsync(ct);
        var next = rows.Count > take ? Uri.EscapeDataString(rows[take - 1].Email) : null;
        return TypedResults.Ok(new CursorPage<PersonView>(rows.Take(take).ToList(), next));
    }

    private static async Task<Ok<PersonView>> Get(Guid id, StewardDbContext db, HttpContext http, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonView(p.Id, p.Name, p.Email, p.RoleTitle, p.Version)).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("person", id.ToString());
        EntityTag.Write(http, person.Version);
        return TypedResults.Ok(person);
    }

    private static async Task<CreatedAtRoute<PersonView>> Create(CreatePerson input, PersonService service, HttpContext http, CancellationToken ct)
    {
        var person = await service.CreateAsync(input, ct);
        EntityTag.Write(http, person.Version);
        return TypedResults.CreatedAtRoute(new PersonView(person.Id, person.Name, person.Email, person.RoleTitle, person.Version), "GetPerson", new { id = person.Id });
    }
}

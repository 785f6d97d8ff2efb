using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.People;

public sealed class PersonService(StewardDbContext db, AccessPolicy access)
{
    public async Task<Person> CreateAsync(CreatePerson input, CancellationToken ct = default)
    {
        input = input with
        {
            Name = input.Name?.Trim(),
            Email = input.Email?.Trim().ToLowerInvariant(),
            RoleTitle = string.IsNullOrWhiteSpace(input.RoleTitle) ? null : input.RoleTitle.Trim(),
        };
        await new CreatePersonValidator(db).ValidateAndThrowAsync(input, ct);
        if (!await access.CanAnywhereAsync(PmoArea.Access, PmoAction.Contribute, ct))
        {
            throw new AccessDeniedException("Your roles do not allow you to add people.");
        }

        var person = new Person { Id = Guid.CreateVersion7(), Name = input.Name!, Email = input.Email!, RoleTitle = input.RoleTitle };
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(person).State = EntityState.Detached;
            throw new ValidationException([new ValidationFailure(nameof(Person.Email), $"{person.Email} already belongs to someone in Steward")]);
        }

        return person;
    }
}

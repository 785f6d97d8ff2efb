using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Units;

internal static class PeopleRules
{
    public static void PeopleExist<T>(this AbstractValidator<T> validator, StewardDbContext db, params Expression<Func<T, Guid?>>[] people)
    {
        foreach (var person in people)
        {
            validator.RuleFor(person)
                .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id, ct))
                .WithMessage((_, id) => $"No person has the id {id}");
        }
    }
}

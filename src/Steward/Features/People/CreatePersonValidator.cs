using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.People;

internal sealed class CreatePersonValidator : AbstractValidator<CreatePerson>
{
    public CreatePersonValidator(StewardDbContext db)
    {
        RuleFor(p => p.Name)
            .NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(Person.NameMaxLength).WithMessage($"Name must be {Person.NameMaxLength} characters or fewer");
        RuleFor(p => p.Email)
            .NotEmpty().WithMessage("Enter an email address")
            .MaximumLength(Person.EmailMaxLength).WithMessage($"Email address must be {Person.EmailMaxLength} characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(p => p.Email)
            .MustAsync(async (email, ct) => !await db.People.AnyAsync(p => p.Email == email, ct))
            .When(p => !string.IsNullOrEmpty(p.Email))
            .WithMessage(p => $"{p.Email} already belongs to someone in Steward");
        RuleFor(p => p.RoleTitle)
            .MaximumLength(Person.RoleTitleMaxLength).WithMessage($"Role title must be {Person.RoleTitleMaxLength} characters or fewer");
    }
}

using System.Text.RegularExpressions;
using FluentValidation;

namespace Steward.Features.Units;

// Field rules shared by creating and editing a unit, worded as the GOV.UK error pattern asks.
internal static partial class UnitFieldRules
{
    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static void Code<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Enter a code, such as HO-PRG-007")
        .MaximumLength(DeliveryUnit.CodeMaxLength).WithMessage($"Code must be {DeliveryUnit.CodeMaxLength} characters or fewer")
        .Must(code => code is null || CodePattern().IsMatch(code))
        .WithMessage("Code must use only capital letters, numbers and single hyphens, such as HO-PRG-007");

    public static void Name<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Enter a name")
        .MaximumLength(DeliveryUnit.NameMaxLength).WithMessage($"Name must be {DeliveryUnit.NameMaxLength} characters or fewer");

    public static void LongText<T>(this IRuleBuilder<T, string?> rule, string label) => rule
        .MaximumLength(DeliveryUnit.TextMaxLength).WithMessage($"{label} must be {DeliveryUnit.TextMaxLength} characters or fewer");

    public static void OpenStage<T>(this IRuleBuilder<T, LifecycleStage?> rule) => rule
        .Must(stage => stage != LifecycleStage.Closed)
        .WithMessage("A unit reaches the Closed stage when it is closed; choose another stage or close the unit");

    public static void PlausibleDate<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, DateOnly?>> date, string label) =>
        validator.RuleFor(date)
            .Must(value => value is null || value.Value.Year is >= 1900 and <= 2200)
            .WithMessage($"{label} must be between 1900 and 2200");

    public static void EndNotBeforeStart<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> start, System.Linq.Expressions.Expression<Func<T, DateOnly?>> end, string label) =>
        validator.RuleFor(end)
            .Must((input, value) => value is null || start(input) is not { } s || value >= s)
            .WithMessage($"{label} end date must be the same as or after the {label.ToLowerInvariant()} start date");
}

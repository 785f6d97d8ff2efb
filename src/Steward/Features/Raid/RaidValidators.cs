using System.Linq.Expressions;
using FluentValidation;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// The 5 × 5 scale, and dates a register can plausibly hold: a review "due" in 1900 is a typing slip.
internal static class RaidRules
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int EarliestYear = 2000;
    public const int LatestYear = 2200;

    public static void OnScale<T>(this AbstractValidator<T> validator, Expression<Func<T, int?>> value, string label, bool required)
    {
        var rule = validator.RuleFor(value);
        if (required)
        {
            rule.NotNull().WithMessage($"Choose the {label.ToLowerInvariant()}, from 1 to 5");
        }

        validator.RuleFor(value)
            .Must(v => v is null or >= ScaleMin and <= ScaleMax)
            .WithMessage((_, v) => $"{label} must be from 1 to 5, not {v}");
    }

    public static void BothOrNeither<T>(this AbstractValidator<T> validator, Func<T, int?> first, Expression<Func<T, int?>> second, string label) =>
        validator.RuleFor(second)
            .Must((input, value) => value.HasValue == first(input).HasValue)
            .WithMessage($"Give both the {label} likelihood and impact, or neither");

    public static void RegisterDate<T>(this AbstractValidator<T> validator, Expression<Func<T, DateOnly?>> date, string label) =>
        validator.RuleFor(date)
            .Must(value => value is null || value.Value.Year is >= EarliestYear and <= LatestYear)
            .WithMessage((_, value) => $"{label} must be between {EarliestYear} and {LatestYear}, not {value:d MMMM yyyy}");

    public static void Text<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> text, string label, int max) =>
        validator.RuleFor(text).MaximumLength(max).WithMessage($"{label} must be {max} characters or fewer");
}

internal sealed class RiskInputValidator : AbstractValidator<RiskInput>
{
    private static readonly RiskResponse[] ThreatOnly = [RiskResponse.Avoid, RiskResponse.Reduce, RiskResponse.Transfer];
    private static readonly RiskResponse[] OpportunityOnly = [RiskResponse.Exploit, RiskResponse.Enhance];

    // checkPeople: false when the caller has already resolved every person (an import of many rows).
    public RiskInputValidator(StewardDbContext db, bool checkPeople = true)
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Enter a title for the risk");
        this.Text(r => r.Title, "Title", Risk.TitleMaxLength);
        this.Text(r => r.Cause, "Cause", Risk.TextMaxLength);
        this.Text(r => r.Event, "Event", Risk.TextMaxLength);
        this.Text(r => r.Effect, "Effect", Risk.TextMaxLength);
        this.Text(r => r.Category, "Category", Risk.CategoryMaxLength);
        RuleFor(r => r.OwnerId).NotNull().WithMessage("Choose who owns the risk");
        if (checkPeople)
        {
            this.PeopleExist(db, r => r.OwnerId, r => r.RaisedById);
        }

        this.OnScale(r => r.Likelihood, "Likelihood", required: true);
        this.OnScale(r => r.Impact, "Impact", required: true);
        this.OnScale(r => r.InherentLikelihood, "Inherent likelihood", required: false);
        this.OnScale(r => r.InherentImpact, "Inherent impact", required: false);
        this.OnScale(r => r.TargetLikelihood, "Target likelihood", required: false);
        this.OnScale(r => r.TargetImpact, "Target impact", required: false);
        this.BothOrNeither(r => r.InherentLikelihood, r => r.InherentImpact, "inherent");
        this.BothOrNeither(r => r.TargetLikelihood, r => r.TargetImpact, "target");
        RuleFor(r => r.Response)
            .Must((r, response) => response is null || !(r.IsOpportunity ? ThreatOnly : OpportunityOnly).Contains(response.Value))
            .WithMessage((r, response) => r.IsOpportunity
                ? $"An opportunity can be exploited, enhanced, shared or accepted, not {response?.ToString().ToLowerInvariant()}ed"
                : $"A threat can be avoided, reduced, transferred, shared or accepted; exploit and enhance are for opportunities");
        this.RegisterDate(r => r.RaisedOn, "Date raised");
        this.RegisterDate(r => r.ProximityDate, "Proximity date");
        this.RegisterDate(r => r.NextReviewDate, "Next review date");
    }
}

internal sealed class IssueInputValidator : AbstractValidator<IssueInput>
{
    public IssueInputValidator(StewardDbContext db, bool checkPeople = true)
    {
        RuleFor(i => i.Title).NotEmpty().WithMessage("Enter a title for the issue");
        this.Text(i => i.Title, "Title", Risk.TitleMaxLength);
        this.Text(i => i.Description, "Description", Risk.TextMaxLength);
        this.Text(i => i.Impact, "Impact", Risk.TextMaxLength);
        this.Text(i => i.Resolution, "Resolution", Risk.TextMaxLength);
        RuleFor(i => i.Priority).NotNull().WithMessage("Choose a priority: critical, high, medium or low");
        RuleFor(i => i.OwnerId).NotNull().WithMessage("Choose who owns the issue");
        if (checkPeople)
        {
            this.PeopleExist(db, i => i.OwnerId);
        }

        RuleFor(i => i.Status)
            .Must(s => s is null or IssueStatus.Open or IssueStatus.Resolved)
            .WithMessage("Status can be changed here only to open or resolved; use close to close the issue");
        RuleFor(i => i.Resolution).NotEmpty().When(i => i.Status == IssueStatus.Resolved)
            .WithMessage("Say how the issue was resolved");
        this.RegisterDate(i => i.RaisedOn, "Date raised");
        this.RegisterDate(i => i.TargetResolutionDate, "Target resolution date");
    }
}

internal sealed class DependencyInputValidator : AbstractValidator<DependencyInput>
{
    public DependencyInputValidator(StewardDbContext db, bool checkPeople = true)
    {
        RuleFor(d => d.Title).NotEmpty().WithMessage("Say what is needed");
        this.Text(d => d.Title, "What is needed", Risk.TitleMaxLength);
        this.Text(d => d.Description, "Description", Risk.TextMaxLength);
        this.Text(d => d.ExternalParty, "External party", Dependency.PartyMaxLength);
        RuleFor(d => d.OwnerId).NotNull().WithMessage("Choose who owns the dependency on the needing side");
        if (checkPeople)
        {
            this.PeopleExist(db, d => d.OwnerId, d => d.ProviderOwnerId);
        }

        RuleFor(d => d.NeededBy).NotNull().WithMessage("Enter the date it is needed by");
        this.RegisterDate(d => d.NeededBy, "Needed-by date");
        this.RegisterDate(d => d.CommittedDate, "Committed date");
        RuleFor(d => d.ProviderUnit)
            .Must((d, unit) => string.IsNullOrWhiteSpace(unit) != string.IsNullOrWhiteSpace(d.ExternalParty))
            .WithMessage(d => string.IsNullOrWhiteSpace(d.ProviderUnit)
                ? "Name the unit it depends on, or the party outside Steward"
                : "Name either a unit or a party outside Steward, not both");
    }
}

internal sealed class AssumptionInputValidator : AbstractValidator<AssumptionInput>
{
    public AssumptionInputValidator(StewardDbContext db, bool checkPeople = true)
    {
        RuleFor(a => a.Statement).NotEmpty().WithMessage("Say what is being assumed");
        this.Text(a => a.Statement, "The assumption", Assumption.StatementMaxLength);
        this.Text(a => a.ImpactIfWrong, "Impact if wrong", Risk.TextMaxLength);
        RuleFor(a => a.OwnerId).NotNull().WithMessage("Choose who owns the assumption");
        if (checkPeople)
        {
            this.PeopleExist(db, a => a.OwnerId);
        }

        this.RegisterDate(a => a.ValidationDue, "Validation due date");
    }
}

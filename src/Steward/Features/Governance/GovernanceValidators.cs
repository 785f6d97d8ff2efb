using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Raid;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

internal static class GovernanceRules
{
    public const int MaxPeople = 100;
    public const int MaxAgendaItems = 50;
    public const int MaxLinks = 50;

    // Every id in a list is a person in the system; the message names the first that is not.
    public static void PeopleListExist<T>(this AbstractValidator<T> validator, StewardDbContext db, Func<T, IEnumerable<Guid?>> people, string field, string label) =>
        validator.RuleFor(input => people(input).ToList())
            .Must(list => list.Count <= MaxPeople).WithMessage($"{label} can list at most {MaxPeople} people").OverridePropertyName(field)
            .Must(list => list.All(id => id is not null)).WithMessage($"Every one of the {label.ToLowerInvariant()} needs a person id")
            .CustomAsync(async (list, context, ct) =>
            {
                var ids = list.OfType<Guid>().Distinct().ToList();
                var known = await db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
                if (ids.FirstOrDefault(id => !known.Contains(id)) is var missing && missing != Guid.Empty)
                {
                    context.AddFailure(field, $"No person has the id {missing}");
                }
            });
}

internal sealed class BoardInputValidator : AbstractValidator<BoardInput>
{
    public BoardInputValidator(StewardDbContext db)
    {
        RuleFor(b => b.Name).NotEmpty().WithMessage("Enter the board's name");
        this.Text(b => b.Name, "Name", Board.NameMaxLength);
        this.Text(b => b.TermsOfReference, "Terms of reference", Board.TermsMaxLength);
        RuleFor(b => b.ChairId).NotNull().WithMessage("Choose who chairs the board");
        this.PeopleExist(db, b => b.ChairId);
        RuleFor(b => b.Cadence).NotNull().WithMessage("Choose how often the board meets");
        this.PeopleListExist(db, b => (b.MemberIds ?? []).Select(id => (Guid?)id), "memberIds", "Members");
        RuleFor(b => b.Quorum).Must((b, quorum) => quorum is null || (quorum >= 1 && quorum <= Seats(b)))
            .WithMessage((b, quorum) => $"The quorum is how many of the board's {Seats(b)} (chair and members) must attend: from 1 to {Seats(b)}, not {quorum}");
    }

    private static int Seats(BoardInput b) => (b.MemberIds ?? []).Append(b.ChairId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().Count();
}

internal sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    // now: a meeting is recorded as held once it has started, not before.
    public MeetingInputValidator(StewardDbContext db, DateTimeOffset now)
    {
        RuleFor(m => m.StartsAt).NotNull().WithMessage("Enter when the meeting starts");
        RuleFor(m => m.StartsAt)
            .Must(at => at is null || at.Value.Year is >= RaidRules.EarliestYear and <= RaidRules.LatestYear)
            .WithMessage((_, at) => $"The meeting must start between {RaidRules.EarliestYear} and {RaidRules.LatestYear}, not {at:d MMMM yyyy}");
        RuleFor(m => m.DurationMinutes).NotNull().WithMessage("Enter how long the meeting lasts, in minutes")
            .InclusiveBetween(5, 12 * 60).WithMessage((_, d) => $"A meeting lasts from 5 minutes to 12 hours (720 minutes), not {d} minutes");
        this.Text(m => m.Location, "Location", Meeting.LocationMaxLength);
        this.Text(m => m.Minutes, "Minutes", Meeting.MinutesMaxLength);
        RuleFor(m => m.Agenda).Must(a => a is null || a.Count <= GovernanceRules.MaxAgendaItems)
            .WithMessage($"An agenda can have at most {GovernanceRules.MaxAgendaItems} items");
        RuleForEach(m => m.Agenda).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).NotEmpty().WithMessage("Give every agenda item a title");
            item.RuleFor(i => i.Title).MaximumLength(AgendaItem.TitleMaxLength).WithMessage($"An agenda item's title must be {AgendaItem.TitleMaxLength} characters or fewer");
        });
        this.PeopleListExist(db, m => (m.Agenda ?? []).Where(a => a.PresenterId is not null).Select(a => a.PresenterId), "agenda", "Presenters");
        this.PeopleListExist(db, m => (m.Attendees ?? []).Select(a => a.PersonId), "attendees", "Attendees");
        RuleFor(m => m.Attendees)
            .Must(list => list is null || list.Select(a => a.PersonId).Distinct().Count() == list.Count)
            .WithMessage("List each attendee once");
        RuleFor(m => m.Minutes).Empty().When(m => m.Status == MeetingStatus.Planned)
            .WithMessage("Minutes are recorded once the meeting is held; set its status to held");
        RuleFor(m => m.Status).Must((m, status) => status != MeetingStatus.Held || m.StartsAt is not { } at || at <= now)
            .WithMessage((m, _) => $"The meeting starts {UkFormat.DateTime(m.StartsAt!.Value.UtcDateTime)}: it can be recorded as held once it has started");
    }
}

internal sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator(StewardDbContext db)
    {
        RuleFor(d => d.Title).NotEmpty().WithMessage("Say what was decided");
        this.Text(d => d.Title, "The decision", Decision.TitleMaxLength);
        this.Text(d => d.Rationale, "Rationale", Decision.TextMaxLength);
        this.Text(d => d.OptionsConsidered, "Options considered", Decision.TextMaxLength);
        RuleFor(d => d.DecidedOn).NotNull().WithMessage("Enter the date of the decision");
        this.RegisterDate(d => d.DecidedOn, "Date of the decision");
        RuleFor(d => d.BoardId).NotNull().When(d => d.DecidedById is null && d.MeetingId is null)
            .WithMessage("Choose the board that decided, or the person who did");
        this.PeopleExist(db, d => d.DecidedById);
        RuleFor(d => d.Links).Must(l => l is null || l.Count <= GovernanceRules.MaxLinks)
            .WithMessage($"A decision can link at most {GovernanceRules.MaxLinks} RAID items");
    }
}

internal sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public ActionInputValidator(StewardDbContext db)
    {
        RuleFor(a => a.Description).NotEmpty().WithMessage("Say what is to be done");
        this.Text(a => a.Description, "Description", ActionItem.DescriptionMaxLength);
        this.Text(a => a.Progress, "Progress", ActionItem.DescriptionMaxLength);
        RuleFor(a => a.OwnerId).NotNull().WithMessage("Choose who owns the action");
        this.PeopleExist(db, a => a.OwnerId);
        RuleFor(a => a.DueOn).NotNull().WithMessage("Enter the date the action is due");
        this.RegisterDate(a => a.DueOn, "Due date");
        RuleFor(a => a)
            .Must(a => new object?[] { a.MeetingId, Blank(a.Decision), Blank(a.Risk), Blank(a.Issue) }.Count(s => s is not null) <= 1)
            .OverridePropertyName("source")
            .WithMessage("An action comes from one meeting, decision, risk or issue, not several");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using System.ComponentModel;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

// The actions log's query string, shared by its list, export and page.
public sealed class ActionListQuery
{
    [FromQuery(Name = "status"), Description("open, in-progress, done, cancelled or all; default: open and in progress.")]
    public string? Status { get; init; }

    [FromQuery(Name = "overdue"), Description("true: only actions past their due date.")]
    public bool? Overdue { get; init; }

    [FromQuery(Name = "owner"), Description("Only actions this person (id) owns.")]
    public Guid? Owner { get; init; }

    [FromQuery(Name = "unit"), Description("Only actions of this unit (a code) and the units below it; it must be at or below the unit asked about.")]
    public string? Unit { get; init; }

    [FromQuery(Name = "dueFrom"), Description("Only actions due on or after this date (2027-01-31).")]
    public string? DueFrom { get; init; }

    [FromQuery(Name = "dueTo"), Description("Only actions due on or before this date (2027-03-31).")]
    public string? DueTo { get; init; }

    [FromQuery(Name = "risk"), Description("Only the actions that mitigate this risk (R-0042).")]
    public string? Risk { get; init; }

    [FromQuery(Name = "issue"), Description("Only the actions that resolve this issue (I-0007).")]
    public string? Issue { get; init; }

    public ActionFilter Filter()
    {
        var all = string.Equals(Status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var (from, to) = (Date("dueFrom", DueFrom), Date("dueTo", DueTo));
        if (from > to)
        {
            throw new ValidationException([new ValidationFailure("dueTo", "dueTo must be the same as or after dueFrom")]);
        }

        return new ActionFilter(all ? null : EnumText.ParseOptional<ActionStatus>("status", Status), all, Owner, Overdue == true, Risk, Issue,
            string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), from, to);
    }

    private static DateOnly? Date(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ValidationException([new ValidationFailure(field, $"{field} must be a date like 2027-03-31")]);
}

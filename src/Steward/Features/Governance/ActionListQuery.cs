using System.ComponentModel;
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

    [FromQuery(Name = "risk"), Description("Only the actions that mitigate this risk (R-0042).")]
    public string? Risk { get; init; }

    [FromQuery(Name = "issue"), Description("Only the actions that resolve this issue (I-0007).")]
    public string? Issue { get; init; }

    public ActionFilter Filter()
    {
        var all = string.Equals(Status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        return new ActionFilter(all ? null : EnumText.ParseOptional<ActionStatus>("status", Status), all, Owner, Overdue == true, Risk, Issue);
    }
}

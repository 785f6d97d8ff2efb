using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// The query string of each RAID register, shared by its list, export and page, and by the CLI.
// "all" as a status lifts the status filter; an empty value means "not set".
public class RiskHeatMapQuery
{
    [FromQuery(Name = "status"), Description("open (the default), closed, realised or all.")]
    public string? Status { get; init; }

    [FromQuery(Name = "owner"), Description("Only risks this person (id) owns.")]
    public Guid? Owner { get; init; }

    [FromQuery(Name = "minScore"), Description("Only risks scoring at least this (likelihood × impact, 1-25).")]
    public int? MinScore { get; init; }

    [FromQuery(Name = "overdueReview"), Description("true: only risks whose next review date has passed.")]
    public bool? OverdueReview { get; init; }

    [FromQuery(Name = "q"), Description("Text in the title.")]
    public string? Q { get; init; }

    public virtual RiskFilter Filter()
    {
        var all = RaidListQuery.IsAll(Status);
        return new RiskFilter(
            Status: all ? null : EnumText.ParseOptional<RiskStatus>("status", Status) ?? RiskStatus.Open,
            AllStatuses: all,
            OwnerId: Owner,
            MinScore: MinScore,
            OverdueReview: OverdueReview == true,
            Text: Q);
    }
}

public sealed class RiskListQuery : RiskHeatMapQuery
{
    [FromQuery(Name = "likelihood"), Description("Only risks of this current likelihood (1-5).")]
    public int? Likelihood { get; init; }

    [FromQuery(Name = "impact"), Description("Only risks of this current impact (1-5).")]
    public int? Impact { get; init; }

    [FromQuery(Name = "escalated"), Description("true: only risks escalated to this unit from below.")]
    public bool? Escalated { get; init; }

    [FromQuery(Name = "sort"), Description("score (the default, highest first), reference, next-review or updated.")]
    public string? Sort { get; init; }

    public RiskSort Order => EnumText.ParseOptional<RiskSort>("sort", Sort) ?? RiskSort.Score;

    public override RiskFilter Filter()
    {
        foreach (var (field, value) in new[] { ("likelihood", Likelihood), ("impact", Impact) })
        {
            if (value is < RaidRules.ScaleMin or > RaidRules.ScaleMax)
            {
                throw new ValidationException([new ValidationFailure(field, $"{field} must be from 1 to 5")]);
            }
        }

        return base.Filter() with { Likelihood = Likelihood, Impact = Impact, Escalated = Escalated == true };
    }
}

public sealed class IssueListQuery
{
    [FromQuery(Name = "status"), Description("open (the default), resolved, closed or all.")]
    public string? Status { get; init; }

    [FromQuery(Name = "owner"), Description("Only issues this person (id) owns.")]
    public Guid? Owner { get; init; }

    [FromQuery(Name = "priority"), Description("low, medium, high or critical.")]
    public string? Priority { get; init; }

    [FromQuery(Name = "overdue"), Description("true: only issues past their target resolution date.")]
    public bool? Overdue { get; init; }

    [FromQuery(Name = "escalated"), Description("true: only issues escalated to this unit from below.")]
    public bool? Escalated { get; init; }

    [FromQuery(Name = "q"), Description("Text in the title.")]
    public string? Q { get; init; }

    [FromQuery(Name = "sort"), Description("priority (the default), reference, target-resolution or updated.")]
    public string? Sort { get; init; }

    public IssueSort Order => EnumText.ParseOptional<IssueSort>("sort", Sort) ?? IssueSort.Priority;

    public IssueFilter Filter()
    {
        var all = RaidListQuery.IsAll(Status);
        return new IssueFilter(
            Status: all ? null : EnumText.ParseOptional<IssueStatus>("status", Status) ?? IssueStatus.Open,
            AllStatuses: all,
            OwnerId: Owner,
            Priority: EnumText.ParseOptional<IssuePriority>("priority", Priority),
            Overdue: Overdue == true,
            Text: Q,
            Escalated: Escalated == true);
    }
}

public sealed class DependencyListQuery
{
    [FromQuery(Name = "direction"), Description("needs (what these units need), provides (what they provide to others) or both (the default).")]
    public string? Direction { get; init; }

    [FromQuery(Name = "status"), Description("proposed, agreed, at-risk, delivered, broken or all; default: the open ones.")]
    public string? Status { get; init; }

    [FromQuery(Name = "late"), Description("true: only those committed after they are needed.")]
    public bool? Late { get; init; }

    [FromQuery(Name = "escalated"), Description("true: only those escalated to this unit from below.")]
    public bool? Escalated { get; init; }

    [FromQuery(Name = "owner"), Description("Only those this person (id) owns, on the needing side or the providing side.")]
    public Guid? Owner { get; init; }

    [FromQuery(Name = "q"), Description("Text in the title.")]
    public string? Q { get; init; }

    public DependencyFilter Filter()
    {
        var all = RaidListQuery.IsAll(Status);
        return new DependencyFilter(
            Status: all ? null : EnumText.ParseOptional<DependencyStatus>("status", Status),
            OpenOnly: !all,
            Late: Late == true,
            Direction: Direction?.Trim().ToLowerInvariant() ?? "both",
            Escalated: Escalated == true,
            OwnerId: Owner,
            Text: Q);
    }
}

public sealed class AssumptionListQuery
{
    [FromQuery(Name = "status"), Description("unvalidated (the default), validated, invalid or all.")]
    public string? Status { get; init; }

    [FromQuery(Name = "overdue"), Description("true: only those whose validation date has passed.")]
    public bool? Overdue { get; init; }

    public bool AllStatuses => RaidListQuery.IsAll(Status);

    public AssumptionStatus? StatusFilter => AllStatuses ? null : EnumText.ParseOptional<AssumptionStatus>("status", Status);
}

internal static class RaidListQuery
{
    public static bool IsAll(string? status) => string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
}

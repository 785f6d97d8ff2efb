using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What raising and editing an issue share.
public abstract class IssueFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<IssueForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Title", "Input.Priority", "Input.Description", "Input.Impact", "Input.OwnerId", "Input.TargetResolutionDate",
        "Input.Status", "Input.Resolution",
    ];

    public static IEnumerable<SelectListItem> Priorities =>
        Enum.GetValues<IssuePriority>().Select(p => new SelectListItem(RaidLabels.Of(p), p.ToString()));

    public static IEnumerable<SelectListItem> Statuses =>
    [
        new("Open", nameof(IssueStatus.Open)),
        new("Resolved|Dealt with; close it once the resolution is confirmed", nameof(IssueStatus.Resolved)),
    ];

    protected IssueInput ReadInput()
    {
        var target = ReadDate(Input.TargetResolutionDate, "Target resolution date", nameof(IssueForm.TargetResolutionDate));
        return new IssueInput(Input.Title, Input.OwnerId, Input.Priority, Input.Description, Input.Impact, null, target, Input.Resolution, Input.Status);
    }

}

public sealed class IssueForm : IEditForm
{
    public string? Title { get; set; }
    public IssuePriority? Priority { get; set; }
    public string? Description { get; set; }
    public string? Impact { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts TargetResolutionDate { get; set; } = new();
    public IssueStatus? Status { get; set; }
    public string? Resolution { get; set; }
    public int Version { get; set; }

    public static IssueForm From(IssueView issue) => new()
    {
        Title = issue.Title,
        Priority = issue.Priority,
        Description = issue.Description,
        Impact = issue.Impact,
        OwnerId = issue.Owner.Id,
        TargetResolutionDate = DateParts.From(issue.TargetResolutionDate),
        Status = issue.Status,
        Resolution = issue.Resolution,
        Version = issue.Version,
    };
}

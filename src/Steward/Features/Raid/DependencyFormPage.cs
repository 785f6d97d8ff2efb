using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What recording and editing a dependency share.
public abstract class DependencyFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<DependencyForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Title", "Input.Description", "Input.ProviderUnit", "Input.ExternalParty", "Input.NeededBy", "Input.CommittedDate",
        "Input.OwnerId", "Input.ProviderOwnerId", "Input.Status",
    ];

    // The statuses an edit moves an open dependency between; delivered and broken are steps with a reason.
    public static IEnumerable<SelectListItem> Statuses =>
        new[] { DependencyStatus.Proposed, DependencyStatus.Agreed, DependencyStatus.AtRisk }.Select(s => new SelectListItem(RaidLabels.Of(s), s.ToString()));

    protected DependencyInput ReadInput() => new(
        Input.Title, Input.OwnerId, ReadDate(Input.NeededBy, "Needed-by date", nameof(DependencyForm.NeededBy)), Input.ProviderUnit, Input.ExternalParty,
        Input.Description, ReadDate(Input.CommittedDate, "Committed date", nameof(DependencyForm.CommittedDate)), Input.ProviderOwnerId, Input.Status);
}

public sealed class DependencyForm : IEditForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ProviderUnit { get; set; }
    public string? ExternalParty { get; set; }
    public DateParts NeededBy { get; set; } = new();
    public DateParts CommittedDate { get; set; } = new();
    public Guid? OwnerId { get; set; }
    public Guid? ProviderOwnerId { get; set; }
    public DependencyStatus? Status { get; set; }
    public int Version { get; set; }

    public static DependencyForm From(DependencyView dependency) => new()
    {
        Title = dependency.Title,
        Description = dependency.Description,
        ProviderUnit = dependency.ProviderUnit?.Code,
        ExternalParty = dependency.ExternalParty,
        NeededBy = DateParts.From(dependency.NeededBy),
        CommittedDate = DateParts.From(dependency.CommittedDate),
        OwnerId = dependency.Owner.Id,
        ProviderOwnerId = dependency.ProviderOwner?.Id,
        Status = dependency.Status,
        Version = dependency.Version,
    };
}

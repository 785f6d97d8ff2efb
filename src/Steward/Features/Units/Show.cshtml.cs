using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Units;

[Requires(PmoArea.Delivery, PmoAction.Read)]
public sealed class ShowModel(UnitQueries queries, UnitDates dates, RoleService roles, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<UnitRef> Ancestors { get; private set; } = [];
    public IReadOnlyList<UnitSummary> Children { get; private set; } = [];
    public IReadOnlyList<RoleHolder> Roles { get; private set; } = [];

    // What the page offers is what the actor's roles allow here; the pages behind the links check again.
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanSeeRoles { get; private set; }
    public bool CanManageRoles { get; private set; }

    // The named SRO and manager who do not hold the role that goes with being named (seen by those who see roles).
    public IReadOnlyList<UnheldNamedRole> Unheld { get; private set; } = [];

    // The PMO services' own links (each module declares its own), those the actor's roles allow here.
    public IReadOnlyList<UnitPageLink> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = await dates.ApplyAsync(unit, ct);
        Ancestors = await queries.AncestorsAsync(unit.Parent?.Id, ct);
        Children = await dates.ApplyAsync(await queries.ChildrenAsync(unit.Id, ct), ct);
        CanEdit = await access.CanAsync(PmoArea.Delivery, PmoAction.Contribute, unit.Path, ct);
        CanApprove = await access.CanAsync(PmoArea.Delivery, PmoAction.Approve, unit.Path, ct);
        CanSeeRoles = await access.CanAsync(PmoArea.Access, PmoAction.Read, unit.Path, ct);
        CanManageRoles = await access.CanAsync(PmoArea.Access, PmoAction.Administer, unit.Path, ct);
        var links = new List<UnitPageLink>();
        foreach (var link in StewardModules.UnitPageLinks)
        {
            if (await access.CanAsync(link.Area, link.Action, unit.Path, ct))
            {
                links.Add(link);
            }
        }

        Links = links;
        if (CanSeeRoles)
        {
            // Roles held above what the actor may see are shown without naming where they are held.
            Roles = await roles.OnUnitAsync(unit.Id, unit.Path, ct);
            Unheld = UnheldNamedRoles.Of(unit, Roles);
        }

        return Page();
    }
}

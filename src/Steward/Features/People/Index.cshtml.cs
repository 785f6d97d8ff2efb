using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.People;

[Requires(PmoArea.Access, PmoAction.Read)]
public sealed class IndexModel(StewardDbContext db, AccessPolicy access) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<PersonView> People { get; private set; } = [];
    public int Total { get; private set; }

    // Adding a person needs the right to contribute to access somewhere: a Viewer is not offered it.
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAdd = await access.CanAnywhereAsync(PmoArea.Access, PmoAction.Contribute, ct);
        Total = await db.People.CountAsync(ct);
        People = await db.People.AsNoTracking().OrderBy(p => p.Name).Take(Shown)
            .Select(p => new PersonView(p.Id, p.Name, p.Email, p.RoleTitle, p.Version)).ToListAsync(ct);
    }
}

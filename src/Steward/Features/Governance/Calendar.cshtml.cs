using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// Your private calendar addresses for a unit: make one (shown once, like an API token) or revoke one.
[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class CalendarModel(UnitQueries units, GovernanceCalendar calendar) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<CalendarFeedView> Feeds { get; private set; } = [];
    public string? NewAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var (_, secret) = await calendar.CreateAsync(Unit.Id.ToString(), ct);
        NewAddress = CalendarFeeds.UrlFor(Request, secret);
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string code, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        await calendar.RevokeAsync(Unit, id, ct);
        TempData["Notice"] = "The calendar address has been revoked; calendars using it will stop updating";
        return Redirect(GovernanceLinks.Calendar(Unit.Code));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Feeds = await calendar.MineAsync(unit, ct);
        return true;
    }
}

using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Units;

[Requires(PmoArea.Delivery, PmoAction.Read)]
public sealed class HistoryModel(UnitQueries units, HistoryQueries history) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string code, long? before, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Events = await history.ListAsync(new HistoryFilter(RecordId: unit.Id, Before: before), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        return Page();
    }
}

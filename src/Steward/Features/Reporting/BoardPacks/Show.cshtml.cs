using Steward.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// One board pack: how far its printing has got (the page follows it without a reload where scripts run,
// and says so in a live region), and its PDF once ready.
[Requires(PmoArea.Reporting, PmoAction.Read)]
public sealed class ShowModel(UnitQueries units, BoardPackService packs) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BoardPackView Pack { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        try
        {
            Pack = await packs.ViewAsync(unit, id, ct);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string code, Guid id, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        try
        {
            var (pdf, name) = await packs.PdfAsync(unit, id, ct);
            return File(pdf, "application/pdf", name);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (RecordStateConflictException)
        {
            return Redirect(BoardPackLinks.Pack(code, id));
        }
    }
}

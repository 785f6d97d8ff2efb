using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Reporting;
using Steward.Features.Units;

namespace Steward.Features.Gmpp;

// A unit's GMPP page: its entry, and its published DCA, whole-life cost and end date by snapshot date,
// as a table and as charts.
[Requires(PmoArea.Reporting, PmoAction.Read)]
public sealed class ShowModel(UnitQueries units, GmppQueries queries, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public GmppUnitView Gmpp { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool CanImport { get; private set; }
    public bool CanWriteNarratives { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Gmpp = await queries.UnitAsync(unit, ct);
        CanEdit = unit.IsOpen && await access.CanAsync(PmoArea.Reporting, PmoAction.Approve, unit.Path, ct);
        CanWriteNarratives = unit.IsOpen && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        CanImport = unit.Kind != UnitKind.Project && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }

    public static string Dca(GmppSnapshotView s, DcaRating? rating, GmppField field) =>
        rating is { } r ? DeliveryConfidence.Label(r) : Words(s, field) ?? "Not given";

    public static string Money(GmppSnapshotView s, decimal? value, GmppField field) =>
        value is { } v ? $"£{v:#,0.00}m" : Words(s, field) ?? "Not given";

    public static string? Words(GmppSnapshotView s, GmppField field) => s.NoteOn(field) switch
    {
        { Kind: GmppNoteKind.Withheld } note => $"Withheld: {note.Text}",
        { } note => note.Text,
        null => null,
    };
}

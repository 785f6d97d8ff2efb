using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Gmpp;

// The GMPP return of a unit and the GMPP units below it, previewed before it is produced: every problem
// by unit and column, the main figures of each row, and the files to download once there are none.
[Requires(PmoArea.Reporting, PmoAction.Read)]
public sealed class ReturnModel(UnitQueries units, GmppReturns returns, GmppQueries queries, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public GmppReturn Built { get; private set; } = default!;

    [BindProperty(SupportsGet = true)] public string? AsAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Layout { get; set; }

    public IReadOnlyList<SelectListItem> Dates { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Layouts { get; } = [new("March 2024 layout (19 columns)", "2024"), new("March 2021 layout (16 columns)", "2021")];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        // The latest snapshot date up to today comes first; dates the department published data for follow.
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        // The last eight snapshot dates up to today, the latest first.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dates = new List<DateOnly>();
        for (var d = new DateOnly(today.Year, 9, 30); dates.Count < 8; d = d.Month == 9 ? new DateOnly(d.Year, 3, 31) : new DateOnly(d.Year - 1, 9, 30))
        {
            if (d <= today)
            {
                dates.Add(d);
            }
        }

        // And every date data has been published for below it, so past returns can be produced again.
        dates = [.. dates.Union(await queries.PublishedDatesAsync(unit, ct)).OrderDescending()];
        Dates = [.. dates.Select(d => new SelectListItem(d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))];
        var latest = dates.Where(d => d <= today).Max();
        var asAt = DateOnly.TryParseExact(AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) ? chosen : latest;
        if (!GmppSnapshotDates.IsSnapshotDate(asAt))
        {
            asAt = latest;
        }

        AsAt = asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var layout = Layout == "2021" ? GmppReturnLayout.March2021 : GmppReturnLayout.March2024;
        Layout = layout == GmppReturnLayout.March2021 ? "2021" : "2024";
        Built = await returns.BuildAsync(unit.Id.ToString(), asAt, layout, ct);
        return Page();
    }

    public string FileAddress(string format) =>
        $"/api/v1/units/{Uri.EscapeDataString(Unit.Code)}/gmpp/return?asAt={AsAt}&layout={Layout}&format={format}";

    public object? Cell(GmppReturnRow row, GmppField field)
    {
        var index = GmppReturnLayouts.Columns(Built.Layout, Built.FinancialYear).Select(c => c.Field).ToList().IndexOf(field);
        return index < 0 ? null : row.Cells[index];
    }
}

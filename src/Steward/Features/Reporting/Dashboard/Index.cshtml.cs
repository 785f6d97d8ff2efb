using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.Dashboard;

// The dashboard of a unit: the units below it at a glance, filtered and sorted, downloadable.
[Requires(PmoArea.Reporting, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, DashboardQueries dashboard) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public DashboardView View { get; private set; } = default!;

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dca { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Sro { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public IReadOnlyList<SelectListItem> Sros { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Categories { get; } = Enum.GetValues<UnitCategory>().Select(c => new SelectListItem(UnitLabels.Of(c), EnumText.Of(c))).ToList();

    public static IReadOnlyList<SelectListItem> Stages { get; } = Enum.GetValues<LifecycleStage>().Select(s => new SelectListItem(UnitLabels.Of(s), EnumText.Of(s))).ToList();

    public IReadOnlyList<SelectListItem> Dcas => [.. View.DcaCounts.Keys.Select(k => new SelectListItem(Label(k), k))];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Sort = DashboardFilter.Sorts.Contains(Sort ?? string.Empty) ? Sort : null;
        var all = await dashboard.ForAsync(unit, new DashboardFilter(), ct);
        Sros = all.Rows.Where(r => r.Sro is not null).Select(r => r.Sro!).DistinctBy(p => p.Id).OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToList();
        View = string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Stage) && string.IsNullOrWhiteSpace(Dca) && Sro is null && Sort is null
            ? all
            : await dashboard.ForAsync(unit, new DashboardFilter(Category, Stage, Dca, Sro, Sort), ct);
        return Page();
    }

    public static string Label(string dca) => dca == "none" ? "No report" : DeliveryConfidence.Label(Enum.GetValues<DcaRating>().First(r => EnumText.Of(r) == dca));

    // The same filters in an address, for the sort links and the download.
    public string Query(string? sort) => string.Concat(
        Category is { Length: > 0 } c ? $"&category={Uri.EscapeDataString(c)}" : "", Stage is { Length: > 0 } s ? $"&stage={Uri.EscapeDataString(s)}" : "",
        Dca is { Length: > 0 } d ? $"&dca={Uri.EscapeDataString(d)}" : "", Sro is { } p ? $"&sro={p}" : "", sort is null ? "" : $"&sort={sort}");
}

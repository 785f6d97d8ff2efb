using Steward.Features.Units;

namespace Steward.Features.Reporting.Dashboard;

// The home page's dashboard: for each top unit the person can see (up to three), the units below it at a glance.
internal sealed class DashboardHomePanel(UnitQueries units, DashboardQueries dashboard) : IHomePanel
{
    public const int MaxRoots = 3;

    public int Order => 10;

    public async Task<HomePanelContent?> ForAsync(IReadOnlyList<UnitRef> roots, CancellationToken ct)
    {
        var views = new List<DashboardView>();
        foreach (var root in roots.Take(MaxRoots))
        {
            // A project at the top of what someone sees has nothing below it to show.
            if (await units.GetAsync(root.Id, ct) is { Kind: not UnitKind.Project } unit)
            {
                views.Add(await dashboard.ForAsync(unit, new DashboardFilter(Sort: "dca"), ct));
            }
        }

        return views.Count == 0 ? null : new HomePanelContent("/Features/Reporting/Dashboard/_HomeDashboard.cshtml", views);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

// Above PortfolioTree.FullTreeLimit units the home page draws portfolios only, but its counts still
// cover every unit beneath them.
public abstract class LargeTreeHomeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task Home_OnALargePortfolio_ShowsPortfoliosWithCountsOfEverythingBeneath()
    {
        await app.WithServicesAsync(async sp =>
        {
            await new SyntheticPortfolio(1200, seed: 3).SeedAsync(sp.GetRequiredService<StewardDbContext>(), new Progress<int>());
            return 0;
        });
        var expected = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Units
            .Where(u => u.Status != UnitStatus.Archived).GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));

        var page = await app.Browser().GetPageAsync("/");

        var counts = page.QuerySelectorAll(".steward-count-card__number").Select(n => int.Parse(n.TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([expected[UnitKind.Portfolio], expected[UnitKind.Programme], expected[UnitKind.Project]], counts);
        var items = page.QuerySelectorAll(".steward-tree__item");
        Assert.Equal(expected[UnitKind.Portfolio], items.Length);
        var beneath = items.Select(i => i.QuerySelector(".steward-tree__counts")!.TextContent)
            .SelectMany(t => t.Split(", "))
            .Where(part => part.EndsWith("projects", StringComparison.Ordinal) || part.EndsWith("project", StringComparison.Ordinal))
            .Sum(part => int.Parse(part.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected[UnitKind.Project], beneath);
        Assert.Contains("Each portfolio's page lists the programmes and projects it holds.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class LargeTreeHomeOnSqlite(SqliteApp app) : LargeTreeHomeTests<SqliteApp>(app);

public sealed class LargeTreeHomeOnPostgres(PostgresApp app) : LargeTreeHomeTests<PostgresApp>(app);

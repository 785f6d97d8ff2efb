using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Steward.Data;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// An action's progress is a list of dated updates: adding one keeps the ones before, and a follow-up that
// says nothing about progress leaves the updates alone.
public abstract class ActionProgressTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task EachProgressUpdate_IsKept_DatedAndSigned_NewestFirst()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/actions/{action.Reference}";

        var first = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/progress", new { text = "Asked two suppliers" }, $"\"{action.Version}\"");
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        var afterFirst = await first.ReadAsync<ActionView>();
        var second = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/progress", new { text = "One quote in" }, $"\"{afterFirst.Version}\"");
        var afterSecond = await second.ReadAsync<ActionView>();

        Assert.Equal(("One quote in", action.Version + 2), (afterSecond.Progress, afterSecond.Version));
        var updates = await (await app.Api().GetAsync($"{url}/progress", Ct)).ReadAsync<List<ActionProgressView>>();
        Assert.Equal(["One quote in", "Asked two suppliers"], updates.Select(u => u.Text));
        Assert.All(updates, u => Assert.Equal(Today, u.WrittenOn));
        Assert.All(updates, u => Assert.NotNull(u.WrittenBy));

        // A follow-up that leaves progress out keeps every update and the latest.
        var followUp = await app.Api().SendJsonAsync(HttpMethod.Put, url,
            new { description = action.Description, ownerId = owner.Id, dueOn = action.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), status = "inProgress" },
            $"\"{afterSecond.Version}\"");
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Equal("One quote in", (await followUp.ReadAsync<ActionView>()).Progress);
        Assert.Equal(2, (await (await app.Api().GetAsync($"{url}/progress", Ct)).ReadAsync<List<ActionProgressView>>()).Count);
    }

    [Fact]
    public async Task ABlankOrStaleUpdate_IsRefused_AndNothingIsWritten()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/actions/{action.Reference}";

        var blank = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/progress", new { text = "  " }, $"\"{action.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(["Enter the progress update"], await blank.FieldErrorsAsync("text"));
        var stale = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/progress", new { text = "Done it" }, $"\"{action.Version + 3}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        Assert.Empty(await (await app.Api().GetAsync($"{url}/progress", Ct)).ReadAsync<List<ActionProgressView>>());
    }

    [Fact]
    public async Task OnTheActionsPage_EachFollowUpsUpdateIsListed_AndABlankOneAddsNone()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var page = $"/units/{project.Code}/actions/{action.Reference}";

        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Progress"] = "Asked two suppliers" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Status"] = "InProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Progress"] = "One quote in" })).StatusCode);

        var shown = await app.Browser().GetPageAsync(page);
        var rows = shown.QuerySelectorAll("#progress + table tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal(["One quote in", "Asked two suppliers"], rows);
        Assert.Equal(string.Empty, shown.QuerySelector("textarea[name='Input.Progress']")!.TextContent.Trim());
    }
}

public sealed class ActionProgressOnSqlite(SqliteApp app) : ActionProgressTests<SqliteApp>(app);

public sealed class ActionProgressOnPostgres(PostgresApp app) : ActionProgressTests<PostgresApp>(app);

// Progress an action had before updates were kept becomes its first update.
public sealed class ActionProgressMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqlite_ProgressSoFarBecomesTheFirstUpdate()
    {
        var path = Path.Combine(Path.GetTempPath(), "steward-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var db = new SqliteStewardDbContext(new DbContextOptionsBuilder<SqliteStewardDbContext>().UseSqlite($"Data Source={path}").Options);
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", Ct);
            await CarriesOverAsync(db);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task OnPostgres_ProgressSoFarBecomesTheFirstUpdate()
    {
        if (PostgresServer.Shared.UnavailableBecause is { } why)
        {
            Assert.Skip(why);
        }

        var connection = await PostgresServer.Shared.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresStewardDbContext(new DbContextOptionsBuilder<PostgresStewardDbContext>().UseNpgsql(connection).Options);
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica", Ct);
            await CarriesOverAsync(db);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(connection);
        }
    }

    private static async Task CarriesOverAsync(StewardDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("PlanTaskOwnerPerson", Ct);
        if (!db.Database.IsNpgsql())
        {
            // Migrations that rebuild SQLite tables turn foreign keys back on; the test's actions have no unit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", Ct);
        }

        var (withProgress, without) = (Guid.NewGuid(), Guid.NewGuid());
        var quote = db.Database.IsNpgsql() ? "\"" : string.Empty;
        string Q(string column) => quote + column + quote;
        var changed = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        foreach (var (id, number) in new[] { (withProgress, 1), (without, 2) })
        {
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO actions ({Q("Id")}, {Q("Number")}, {Q("UnitId")}, {Q("Description")}, {Q("OwnerId")}, {Q("DueOn")}, {Q("Status")}, {Q("Version")}, {Q("CreatedAt")}, {Q("UpdatedAt")}) " +
                "VALUES ({0}, {1}, {2}, 'Get quotes', {3}, {4}, 'InProgress', 2, {5}, {5})",
                [id, number, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2027, 1, 8), changed], Ct);
        }

        await db.Database.ExecuteSqlRawAsync($"UPDATE actions SET {Q("Progress")} = 'Quotes requested' WHERE {Q("Id")} = {{0}}", [withProgress], Ct);

        await migrator.MigrateAsync(null, Ct);

        var update = await db.ActionProgressUpdates.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((withProgress, "Quotes requested", new DateOnly(2026, 11, 20), changed), (update.ActionId, update.Text, update.WrittenOn, update.CreatedAt));
        Assert.Null(update.WrittenById);
    }
}

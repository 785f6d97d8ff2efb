using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

public abstract class HistoryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUpdateMoveClose_AreEachRecordedWithWhoWhenAndWhatChanged()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        var other = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id);
        var api = app.Api();
        var created = await (await api.PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Audited", kind = "project", parentId = programme.Id })).ReadAsync<UnitView>();
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{created.Id}", new UpdateUnit(created.Code, "Audited and renamed", created.Category, created.Stage), "\"1\"");
        await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{created.Id}/move", new { parentId = other.Id }, "\"2\"");
        await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{created.Id}/close", null, "\"3\"");

        var response = await api.GetAsync($"/api/v1/units/{created.Code}/history", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await response.ReadAsync<Steward.Infrastructure.CursorPage<HistoryEntry>>();
        Assert.Equal(["closed", "moved", "updated", "created"], history.Items.Select(e => e.Action));
        Assert.Equal([4, 3, 2, 1], history.Items.Select(e => e.Version));
        Assert.All(history.Items, e => Assert.Equal(("api", $"Test Administrator ({StewardApp.AdministratorEmail}) with token Tests"), (e.Channel, e.Actor)));
        Assert.Contains(new HistoryChange("Name", "Audited", "Audited and renamed"), history.Items[2].Changes);
        Assert.Contains(new HistoryChange("ParentId", programme.Id.ToString(), other.Id.ToString()), history.Items[1].Changes);
        Assert.Contains(new HistoryChange("Status", "Active", "Closed"), history.Items[0].Changes);
    }

    [Fact]
    public async Task AnEntityTypeWithNoHistoryCodeOfItsOwn_IsRecorded()
    {
        // People have no history code at all: the interceptor records them as it will every new register.
        var person = await app.CreatePersonAsync("Florence Nightingale");
        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<HistoryQueries>().ListAsync(new HistoryFilter(RecordId: person.Id)));
        var created = Assert.Single(events.Items);
        Assert.Equal(("Person", "created"), (created.RecordType, created.Action));
        Assert.Contains(new HistoryChange("Name", null, "Florence Nightingale"), created.Changes);
    }

    [Fact]
    public async Task HistoryRows_CannotBeChangedOrDeleted()
    {
        await app.CreateTreeAsync();
        // The database's own triggers refuse, with their own words; any other failure (a typo in the SQL,
        // a missing table) would not prove the history is protected.
        var changed = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.WithServicesAsync(sp =>
            sp.GetRequiredService<StewardDbContext>().Database.ExecuteSqlRawAsync("UPDATE history_events SET \"Actor\" = 'mallory'", Ct)));
        Assert.Contains("history is append-only", changed.Message, StringComparison.Ordinal);
        var deleted = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.WithServicesAsync(sp =>
            sp.GetRequiredService<StewardDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM history_events", Ct)));
        Assert.Contains("history is append-only", deleted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoClientsRacing_ExactlyOneWinsAndNothingIsLost()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var edits = Enumerable.Range(1, 6).Select(i => app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}",
            new UpdateUnit(portfolio.Code, $"Writer {i}", portfolio.Category, portfolio.Stage), "\"1\"")).ToList();
        var responses = await Task.WhenAll(edits);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync<UnitView>();
        var unit = await app.Api().GetUnitAsync(portfolio.Code);
        Assert.Equal((winner.Name, 2), (unit.Name, unit.Version));
        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<HistoryQueries>().ListAsync(new HistoryFilter(RecordId: portfolio.Id)));
        Assert.Equal(["updated", "created"], events.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task HistoryPages_ShowTheChanges()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/history");
        Assert.Contains("Created", page.QuerySelector(".govuk-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Part of", page.QuerySelector(".govuk-table")!.TextContent, StringComparison.Ordinal);

        var all = await app.Browser().GetPageAsync("/history?Channel=job&RecordType=DeliveryUnit");
        Assert.Contains(programme.Name, all.QuerySelector(".govuk-table")!.TextContent, StringComparison.Ordinal);
        var bad = await app.Browser().GetPageAsync("/history?From.Day=31&From.Month=2&From.Year=2026", 400);
        Assert.Equal("From date must be a real date", bad.FieldError("From"));
    }

    // Removing a row (a board member, a plan task) is a change too: what was removed stays readable in the
    // history, in the record's own chain, and the chain still verifies.
    [Fact]
    public async Task RemovingABoardMember_IsRecordedAsDeleted_WithWhatWasRemoved()
    {
        app.RequireDatabase();
        var (_, programme, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Sam Chair");
        var leaving = await app.CreatePersonAsync("Lee Leaving");
        var api = app.Api();
        var board = await (await api.PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Board", chairId = chair.Id, cadence = "monthly", memberIds = new[] { leaving.Id } }))
            .ReadAsync<Steward.Features.Governance.BoardView>();
        var member = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Set<Steward.Features.Governance.BoardMember>().SingleAsync(m => m.BoardId == board.Id));
        var changed = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/boards/{board.Id}", new { name = "Board", chairId = chair.Id, cadence = "monthly", memberIds = Array.Empty<Guid>() }, $"\"{board.Version}\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<HistoryQueries>().ListAsync(new HistoryFilter(RecordId: member.Id)));
        Assert.Equal(["deleted", "created"], events.Items.Select(e => e.Action));
        Assert.Contains(new HistoryChange("PersonId", leaving.Id.ToString(), null), events.Items[0].Changes);
        var result = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    [Fact]
    public async Task AuditVerify_PassesOnAnIntactHistory()
    {
        app.RequireDatabase();
        await app.CreateTreeAsync();
        var result = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("History intact:", result.Output, StringComparison.Ordinal);
    }
}

public sealed class HistoryOnSqlite(SqliteApp app) : HistoryTests<SqliteApp>(app);

public sealed class HistoryOnPostgres(PostgresApp app) : HistoryTests<PostgresApp>(app);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// No record without its history: someone who deletes every event of a record (with the append-only guard
// switched off first) leaves a self-consistent chain behind, so verification must also ask every live
// record for its chain. The demo department holds every kind of record Steward keeps.
public abstract class UnchainedRecordTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task EveryRecordOfTheDemoHasItsHistory_AndOneWhoseOnlyEventIsDeletedIsNamed()
    {
        app.RequireDatabase();
        Assert.Equal(0, (await StewardProcess.RunAsync("seed", "--demo", "--database", app.ConnectionString)).ExitCode);
        var intact = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.True(intact.ExitCode == 0, intact.Error);

        var (unitId, events) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var id = await db.Units.Where(u => u.Code == "DPP-PRJ-015").Select(u => u.Id).SingleAsync();
            return (id, await db.History.CountAsync(h => h.RecordId == id));
        });
        Assert.Equal(1, events); // created, and never changed since: the case a chain walk alone cannot see
        await app.TamperAsync("DELETE FROM history_events WHERE \"RecordId\" = (SELECT \"Id\" FROM delivery_units WHERE \"Code\" = 'DPP-PRJ-015')");

        var result = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"steward: history is broken: DeliveryUnit {unitId} has no history: its events have been removed", result.Error.Trim());
    }

}

// Rows with no version of their own (a board's members) are in the history too, and asked for it.
public abstract class UnchainedMemberTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task ARecordWithoutAVersion_IsAskedForItsHistoryToo()
    {
        app.RequireDatabase();
        var (_, programme, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        await app.CreateBoardAsync(programme.Code, chair.Id, member.Id);
        var memberRow = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Set<Steward.Features.Governance.BoardMember>()
            .Where(m => m.PersonId == member.Id).Select(m => m.Id).SingleAsync());
        await app.TamperAsync("DELETE FROM history_events WHERE \"RecordType\" = 'BoardMember'");

        var result = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"BoardMember {memberRow} has no history", result.Error, StringComparison.Ordinal);
    }
}

public sealed class UnchainedRecordOnSqlite(SqliteApp app) : UnchainedRecordTests<SqliteApp>(app);

public sealed class UnchainedRecordOnPostgres(PostgresApp app) : UnchainedRecordTests<PostgresApp>(app);

public sealed class UnchainedMemberOnSqlite(SqliteApp app) : UnchainedMemberTests<SqliteApp>(app);

public sealed class UnchainedMemberOnPostgres(PostgresApp app) : UnchainedMemberTests<PostgresApp>(app);

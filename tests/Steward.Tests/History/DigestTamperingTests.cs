using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.History.Digests;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// Every kind of tampering issue 25 lists, done as an attacker with write access to the database would
// (append-only triggers dropped first), each on its own copy of the demo department, each verified against
// digests kept outside the database: each must be detected and named.
public abstract class DigestTamperingTests<TLab>(TLab lab) : IClassFixture<TLab> where TLab : DigestLab
{
    [Fact]
    public async Task AnUntouchedDatabase_IsConsistentWithItsDigest()
    {
        var db = await lab.CopyAsync();
        var check = await lab.VerifyAsync(db, lab.First);
        Assert.True(check.Result.IsIntact, check.Result.Problem);
        Assert.Equal(lab.First.Events, check.Result.EventsChecked);
        Assert.Equal(lab.First.Sequence, check.Against!.Sequence);
    }

    [Fact]
    public async Task ChangingAFieldOfAnEvent_IsNamed()
    {
        var db = await lab.CopyAsync();
        var (id, _) = await UnitAsync(db, "DPP-PRJ-015");
        await lab.TamperAsync(db, "UPDATE history_events SET \"Actor\" = 'mallory' WHERE \"RecordId\" = (SELECT \"Id\" FROM delivery_units WHERE \"Code\" = 'DPP-PRJ-015')");
        await AssertBrokenAsync(db, $"(DeliveryUnit {id}, created at", "does not match its hash");
    }

    [Fact]
    public async Task DeletingTheNewestEventOfARecordWithSeveral_IsNamed()
    {
        var db = await lab.CopyAsync();
        var (record, newest) = await lab.WithServicesAsync(db, async sp =>
        {
            var history = sp.GetRequiredService<StewardDbContext>().History;
            var chosen = await history.Where(h => h.RecordType == "Risk").GroupBy(h => h.RecordId).Where(g => g.Count() >= 2).Select(g => g.Key).FirstAsync();
            return (chosen, await history.Where(h => h.RecordId == chosen).MaxAsync(h => h.Id));
        });
        await lab.TamperAsync(db, $"DELETE FROM history_events WHERE \"Id\" = {newest}");
        await AssertBrokenAsync(db, $"Risk {record} is at version", "later events are missing");
    }

    [Fact]
    public async Task DeletingTheOnlyEventOfARecord_IsNamed()
    {
        var db = await lab.CopyAsync();
        var (id, _) = await UnitAsync(db, "DPP-PRJ-015");
        await lab.TamperAsync(db, "DELETE FROM history_events WHERE \"RecordId\" = (SELECT \"Id\" FROM delivery_units WHERE \"Code\" = 'DPP-PRJ-015')");
        await AssertBrokenAsync(db, $"DeliveryUnit {id} has no history");
    }

    [Fact]
    public async Task ChangingAnEventAndRecomputingItsChain_IsNamedAgainstTheDigest()
    {
        var db = await lab.CopyAsync();
        var (id, events) = await UnitAsync(db, "DPP-PRJ-005");
        await RewriteAsync(db, events, e => e.Actor = "mallory");
        Assert.True((await lab.WithServicesAsync(db, sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).IsIntact, "the rewritten chain is self-consistent");
        await AssertBrokenAsync(db, $"DeliveryUnit {id}: its history up to digest 1 has been rewritten");
    }

    [Fact]
    public async Task ALaterDigest_DoesNotLaunderARewrite()
    {
        var db = await lab.CopyAsync();
        var (id, events) = await UnitAsync(db, "DPP-PRJ-015");
        await RewriteAsync(db, events, e => e.Actor = "mallory");
        var second = await lab.TakeDigestAsync(db);
        var check = await lab.VerifyAsync(db, lab.First, second);
        Assert.False(check.Result.IsIntact);
        Assert.Contains($"DeliveryUnit {id}: its history up to digest 2 has been rewritten", check.Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingARecordWithAllItsEvents_IsNamed()
    {
        var db = await lab.CopyAsync();
        var assumption = await lab.WithServicesAsync(db, sp => sp.GetRequiredService<StewardDbContext>().Assumptions.Select(a => a.Id).FirstAsync());
        await lab.TamperAsync(db, "DELETE FROM history_events WHERE \"RecordId\" = (SELECT \"Id\" FROM assumptions ORDER BY \"Id\" LIMIT 1); DELETE FROM assumptions WHERE \"Id\" = (SELECT \"Id\" FROM assumptions ORDER BY \"Id\" LIMIT 1)");
        Assert.True((await lab.WithServicesAsync(db, sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).IsIntact, "without a digest nothing shows");
        await AssertBrokenAsync(db, $"Assumption {assumption}: its history up to digest 1", "is gone");
    }

    [Fact]
    public async Task DeletingAWholeRecordTypesRows_IsNamed()
    {
        var db = await lab.CopyAsync();
        var count = await lab.WithServicesAsync(db, sp => sp.GetRequiredService<StewardDbContext>().Assumptions.CountAsync());
        Assert.True(count > 1);
        await lab.TamperAsync(db, "DELETE FROM history_events WHERE \"RecordType\" = 'Assumption'; DELETE FROM assumptions");
        await AssertBrokenAsync(db, "Assumption ", "is gone", count > 3 ? $"and {count - 3} more records differ" : "is gone");
    }

    [Fact]
    public async Task InsertingAForgedEventWithACorrectHash_IsNamed()
    {
        var db = await lab.CopyAsync();
        var forged = new HistoryEvent
        {
            Id = -7, RecordType = "Decision", RecordId = Guid.NewGuid(), Action = "created", Actor = "mallory", Channel = "web",
            At = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), Version = 1, Changes = "[]", Hash = string.Empty,
        };
        forged.Hash = HistoryHash.Compute(forged);
        await lab.TamperAsync(db,
            "INSERT INTO history_events (\"Id\", \"RecordType\", \"RecordId\", \"Action\", \"Actor\", \"Channel\", \"At\", \"Version\", \"Changes\", \"PreviousHash\", \"Hash\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, NULL, {9})",
            forged.Id, forged.RecordType, forged.RecordId, forged.Action, forged.Actor, forged.Channel, forged.At, forged.Version, forged.Changes, forged.Hash);
        await AssertBrokenAsync(db, $"Decision {forged.RecordId} has events up to event -7 that digest 1 did not cover: they have been inserted");
    }

    [Fact]
    public async Task ReplacingAnEventWithAForgedOneWithACorrectHash_IsNamed()
    {
        var db = await lab.CopyAsync();
        var (id, events) = await UnitAsync(db, "DPP-PRJ-015");
        var real = events.Single();
        var forged = new HistoryEvent
        {
            Id = real.Id, RecordType = real.RecordType, RecordId = real.RecordId, Action = real.Action, Actor = real.Actor, Channel = real.Channel,
            At = real.At, Version = real.Version, Changes = real.Changes.Replace("DPP-PRJ-015", "DPP-PRJ-099", StringComparison.Ordinal), Hash = string.Empty,
        };
        forged.Hash = HistoryHash.Compute(forged);
        await lab.TamperAsync(db, "UPDATE history_events SET \"Changes\" = {0}, \"Hash\" = {1} WHERE \"Id\" = {2}", forged.Changes, forged.Hash, forged.Id);
        await AssertBrokenAsync(db, $"DeliveryUnit {id}: its history up to digest 1 has been rewritten");
    }

    [Fact]
    public async Task ReorderingTwoEvents_IsNamed()
    {
        var db = await lab.CopyAsync();
        var pair = await lab.WithServicesAsync(db, async sp =>
        {
            var history = sp.GetRequiredService<StewardDbContext>().History;
            var chosen = await history.GroupBy(h => h.RecordId).Where(g => g.Count() >= 2).Select(g => g.Key).FirstAsync();
            return await history.Where(h => h.RecordId == chosen).OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync();
        });
        await lab.TamperAsync(db, $"UPDATE history_events SET \"Id\" = -1 WHERE \"Id\" = {pair[0]}; UPDATE history_events SET \"Id\" = {pair[0]} WHERE \"Id\" = {pair[1]}; UPDATE history_events SET \"Id\" = {pair[1]} WHERE \"Id\" = -1");
        await AssertBrokenAsync(db, $"event {pair[0]} (", "points to an earlier event that is missing");
    }

    [Fact]
    public async Task PuttingBackAnOlderCopyAfterADigestWasPublished_IsNamed()
    {
        var yesterday = await lab.CopyAsync();
        var today = await lab.CopyAsync();
        await ChangeSomethingAsync(today);
        var second = await lab.TakeDigestAsync(today);
        Assert.True((await lab.VerifyAsync(today, lab.First, second)).Result.IsIntact);

        var check = await lab.VerifyAsync(yesterday, lab.First, second);
        Assert.False(check.Result.IsIntact);
        Assert.StartsWith($"the database is older than {DigestPublication.FileName(second)}: that digest (number 2", check.Result.Problem, StringComparison.Ordinal);
        Assert.Contains("it has been put back to an earlier copy", check.Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigestSignedWithAnotherKey_OrAlteredAfterSigning_IsNamed()
    {
        var db = await lab.CopyAsync();
        await ChangeSomethingAsync(db);
        var foreign = await lab.TakeDigestAsync(db, lab.OtherKeyPath);
        var other = await lab.WithServicesAsync(db, sp => Task.FromResult(sp.GetRequiredService<DigestKeys>().SigningKey()), lab.OtherKeyPath);
        var check = await lab.VerifyAsync(db, lab.First, foreign);
        Assert.Equal($"{DigestPublication.FileName(foreign)} is signed with key {DigestKeys.KeyId(other)}, which is not a trusted key ({lab.First.KeyId}): it is forged, or its key is not trusted here", check.Result.Problem);

        var altered = lab.First with { Events = lab.First.Events - 1 };
        var check2 = await lab.VerifyAsync(db, altered);
        Assert.Equal($"{DigestPublication.FileName(altered)}: its signature does not verify with key {lab.First.KeyId}: the digest has been altered or forged", check2.Result.Problem);
    }

    [Fact]
    public async Task ADigestChainThatSkipsOne_IsNamed()
    {
        var db = await lab.CopyAsync();
        await ChangeSomethingAsync(db);
        var second = await lab.TakeDigestAsync(db);
        var third = await lab.TakeDigestAsync(db);
        Assert.True((await lab.VerifyAsync(db, lab.First, second, third)).Result.IsIntact);

        var skipped = await lab.VerifyAsync(db, lab.First, third);
        Assert.Equal($"{DigestPublication.FileName(third)} (digest 3) does not follow {DigestPublication.FileName(lab.First)} (digest 1): digest 2 is missing from the digests given", skipped.Result.Problem);

        // The database's own chain: its copy of digest 2 removed.
        await lab.TamperAsync(db, "DELETE FROM history_digests WHERE \"Sequence\" = 2");
        var removed = await lab.VerifyAsync(db, third);
        Assert.Equal("the database's digests skip from 1 to 3: digest 2 has been removed", removed.Result.Problem);
    }

    [Fact]
    public async Task BadDigests_AreRefusedWithAClearErrorAndNothingChanged()
    {
        var db = await lab.CopyAsync();
        var notOne = Assert.Throws<DigestFormatException>(() => PublishedDigest.FromText("{\"hello\": 1}", "note.json"));
        Assert.Equal("note.json is not a Steward history digest: its format is not \"steward-history-digest/1\"", notOne.Message);
        Assert.StartsWith("junk.txt is not a Steward history digest:", Assert.Throws<DigestFormatException>(() => PublishedDigest.FromText("not json", "junk.txt")).Message, StringComparison.Ordinal);

        // Another Steward's digest, signed with a trusted key all the same.
        var stranger = await lab.WithServicesAsync(db, sp =>
        {
            using var key = sp.GetRequiredService<DigestKeys>().SigningKey();
            var unsigned = lab.First with { Instance = Guid.NewGuid() };
            return Task.FromResult(unsigned with { Signature = DigestKeys.Sign(key, unsigned) });
        });
        var foreign = await Assert.ThrowsAsync<DigestFormatException>(() => lab.VerifyAsync(db, stranger));
        Assert.Equal($"{DigestPublication.FileName(stranger)} is from another Steward instance ({stranger.Instance}); this database's digests are of instance {lab.First.Instance}", foreign.Message);

        // No key, or one that cannot be read: no digest, nothing written.
        var missing = Path.Combine(lab.Folder, "no-such-key.pem");
        var refused = await Assert.ThrowsAsync<DigestSetupException>(() => lab.TakeDigestAsync(db, missing));
        Assert.StartsWith($"Audit:SigningKeyPath: cannot read the key file '{missing}'", refused.Message, StringComparison.Ordinal);
        var junkKey = Path.Combine(lab.Folder, "junk-key.pem");
        await File.WriteAllTextAsync(junkKey, "not a key");
        Assert.StartsWith($"Audit:SigningKeyPath '{junkKey}' holds no ECDSA private key", (await Assert.ThrowsAsync<DigestSetupException>(() => lab.TakeDigestAsync(db, junkKey))).Message, StringComparison.Ordinal);
        Assert.Equal(1, await lab.WithServicesAsync(db, sp => sp.GetRequiredService<StewardDbContext>().HistoryDigests.CountAsync()));

        // A digest newer than the database.
        var newer = await lab.WithServicesAsync(db, sp =>
        {
            using var key = sp.GetRequiredService<DigestKeys>().SigningKey();
            var unsigned = lab.First with { Sequence = 2, Previous = lab.First.Hash(), LastEventId = lab.First.LastEventId + 10 };
            return Task.FromResult(unsigned with { Signature = DigestKeys.Sign(key, unsigned) });
        });
        Assert.StartsWith($"the database is older than {DigestPublication.FileName(newer)}", (await lab.VerifyAsync(db, lab.First, newer)).Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInclusionProof_HoldsForItsRecordAndFailsWhenAltered()
    {
        var db = await lab.CopyAsync();
        var (id, events) = await UnitAsync(db, "DPP-PRJ-005");
        var proof = await lab.WithServicesAsync(db, sp => InclusionProof.MakeAsync(sp.GetRequiredService<StewardDbContext>(), id, null, CancellationToken.None));
        Assert.Equal(events.Count, proof.Events.Count);
        Assert.Equal(lab.First.Records, proof.TreeSize);
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(lab.KeyPath + ".pub"));
        Assert.Null(proof.Problem(key));

        var altered = proof with { Events = [.. proof.Events.Select((e, i) => i == 0 ? Copy(e, c => c.Actor = "mallory") : e)] };
        Assert.Equal($"event {events[0].Id} does not match its hash or does not follow the event before it", altered.Problem(key));
        Assert.Equal("its path does not lead to the digest's root", (proof with { LeafIndex = proof.LeafIndex == 0 ? 1 : 0 }).Problem(key));
        using var other = ECDsa.Create();
        other.ImportFromPem(await File.ReadAllTextAsync(lab.OtherKeyPath + ".pub"));
        Assert.StartsWith("its digest's signature does not verify", proof.Problem(other), StringComparison.Ordinal);
    }

    private async Task AssertBrokenAsync(string db, params string[] expected)
    {
        var check = await lab.VerifyAsync(db, lab.First);
        Assert.False(check.Result.IsIntact, "tampering went unnoticed");
        foreach (var part in expected)
        {
            Assert.Contains(part, check.Result.Problem, StringComparison.Ordinal);
        }
    }

    private Task<(Guid Id, List<HistoryEvent> Events)> UnitAsync(string db, string code) =>
        lab.WithServicesAsync(db, async sp =>
        {
            var data = sp.GetRequiredService<StewardDbContext>();
            var id = await data.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
            return (id, await data.History.AsNoTracking().Where(h => h.RecordId == id).OrderBy(h => h.Id).ToListAsync());
        });

    // Changes the first event and recomputes every hash after it, as a key-less attacker can.
    private async Task RewriteAsync(string db, List<HistoryEvent> events, Action<HistoryEvent> change)
    {
        change(events[0]);
        string? previous = null;
        foreach (var e in events)
        {
            e.PreviousHash = previous;
            e.Hash = HistoryHash.Compute(e);
            previous = e.Hash;
            await lab.TamperAsync(db, "UPDATE history_events SET \"Actor\" = {0}, \"Hash\" = {1} WHERE \"Id\" = {2}", e.Actor, e.Hash, e.Id);
            if (e.PreviousHash is not null)
            {
                await lab.TamperAsync(db, "UPDATE history_events SET \"PreviousHash\" = {0} WHERE \"Id\" = {1}", e.PreviousHash, e.Id);
            }
        }
    }

    private Task ChangeSomethingAsync(string db) =>
        lab.WithServicesAsync(db, async sp =>
        {
            var data = sp.GetRequiredService<StewardDbContext>();
            var person = await data.People.OrderBy(p => p.Email).FirstAsync();
            person.Name += " (changed)";
            return await data.SaveChangesAsync();
        });

    private static HistoryEvent Copy(HistoryEvent e, Action<HistoryEvent> change)
    {
        var copy = new HistoryEvent
        {
            Id = e.Id, RecordType = e.RecordType, RecordId = e.RecordId, Action = e.Action, Actor = e.Actor, Channel = e.Channel,
            At = e.At, Version = e.Version, Changes = e.Changes, PreviousHash = e.PreviousHash, Hash = e.Hash,
        };
        change(copy);
        return copy;
    }
}

public sealed class DigestTamperingOnSqlite(SqliteDigestLab lab) : DigestTamperingTests<SqliteDigestLab>(lab);

public sealed class DigestTamperingOnPostgres(PostgresDigestLab lab) : DigestTamperingTests<PostgresDigestLab>(lab);

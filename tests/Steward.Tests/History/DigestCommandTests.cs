using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.History.Digests;
using Steward.Tests.Cli;

namespace Steward.Tests.History;

// The digest commands as an administrator runs them: make a key, take digests into a folder kept outside
// the database, verify against the folder, prove one record, check the proof without the database.
public abstract class DigestCommandTests<TLab>(TLab lab) : IClassFixture<TLab> where TLab : DigestLab
{
    [Fact]
    public async Task KeyDigestVerifyProveAndCheckProof_FromTheCommandLine()
    {
        var db = await lab.CopyAsync();
        var folder = Path.Combine(lab.Folder, $"published-{Guid.NewGuid():N}");
        var key = Path.Combine(folder, "audit.pem");
        Directory.CreateDirectory(folder);
        var made = await StewardProcess.RunAsync("audit", "key", "--out", key);
        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Matches("^Key [0-9a-f]{32}: private key in .*audit.pem, public key in .*audit.pem.pub.", made.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

        var missing = await StewardProcess.RunAsync("audit", "digest", "--database", db);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("steward: no key to sign digests with: set Audit:SigningKeyPath", missing.Error, StringComparison.Ordinal);

        // The copy's first digest was signed with the lab's key: trust it too, as after a rotation.
        var env = new Dictionary<string, string>
        {
            ["STEWARD_AUDIT__SIGNINGKEYPATH"] = key,
            ["STEWARD_AUDIT__TRUSTEDKEYPATHS"] = lab.KeyPath + ".pub",
            ["STEWARD_AUDIT__DIGESTFOLDER"] = Path.Combine(folder, "digests"),
        };
        var taken = await StewardProcess.RunAsync(env, "audit", "digest", "--database", db);
        Assert.True(taken.ExitCode == 0, taken.Error);
        var second = HistoryDigestDocument.Parse(taken.Output, "standard output");
        Assert.Equal(2, second.Sequence);
        Assert.Equal(lab.First.Hash(), second.Previous);
        Assert.Equal(taken.Output.Trim(), (await File.ReadAllTextAsync(Path.Combine(folder, "digests", "steward-digest-00000002.json"))).Trim());

        var verified = await StewardProcess.RunAsync(env, "audit", "verify", "--database", db, "--digest", Path.Combine(folder, "digests"));
        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.StartsWith("History intact and consistent with digest 2", verified.Output, StringComparison.Ordinal);

        var unit = await lab.WithServicesAsync(db, sp => sp.GetRequiredService<StewardDbContext>().Units.Where(u => u.Code == "DPP-PRJ-005").Select(u => u.Id).SingleAsync());
        var proved = await StewardProcess.RunAsync(env, "audit", "prove", unit.ToString(), "--database", db);
        Assert.True(proved.ExitCode == 0, proved.Error);
        var proofFile = Path.Combine(folder, "proof.json");
        await File.WriteAllTextAsync(proofFile, proved.Output);
        var holds = await StewardProcess.RunAsync("audit", "check-proof", proofFile, "--key", key + ".pub");
        Assert.True(holds.ExitCode == 0, holds.Error);
        Assert.StartsWith($"Proof holds: DeliveryUnit {unit}'s", holds.Output, StringComparison.Ordinal);
        var wrongKey = await StewardProcess.RunAsync("audit", "check-proof", proofFile, "--key", lab.OtherKeyPath + ".pub");
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.StartsWith("steward: the proof does not hold: its digest's signature does not verify", wrongKey.Error, StringComparison.Ordinal);

        var junk = Path.Combine(folder, "junk.json");
        await File.WriteAllTextAsync(junk, "{}");
        var notADigest = await StewardProcess.RunAsync(env, "audit", "verify", "--database", db, "--digest", junk);
        Assert.Equal(2, notADigest.ExitCode);
        Assert.Equal($"steward: {junk} is not a Steward history digest: its format is not \"steward-history-digest/1\"", notADigest.Error.Trim());

        await lab.TamperAsync(db, "DELETE FROM history_events WHERE \"RecordType\" = 'Assumption'; DELETE FROM assumptions");
        var broken = await StewardProcess.RunAsync(env, "audit", "verify", "--database", db, "--digest", Path.Combine(folder, "digests"));
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("steward: history is broken: the history differs from ", broken.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains("Assumption ", broken.Error, StringComparison.Ordinal);
    }
}

public sealed class DigestCommandsOnSqlite(SqliteDigestLab lab) : DigestCommandTests<SqliteDigestLab>(lab);

public sealed class DigestCommandsOnPostgres(PostgresDigestLab lab) : DigestCommandTests<PostgresDigestLab>(lab);

using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.History.Digests;

namespace Steward.Cli;

internal static class AuditCommand
{
    private static readonly JsonSerializerOptions ProofJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("audit", "Check the tamper-evident change history, and take and check digests of it kept outside the database.")
    {
        Verify(), Digest(), Prove(), CheckProof(), Key(),
    };

    private static Option<string[]> KeyOption() => new("--key")
    {
        Description = "A public key file (PEM) to trust besides Audit:SigningKeyPath and Audit:TrustedKeyPaths; may be given more than once.",
        HelpName = "PUBLIC_KEY_PEM",
    };

    private static Command Verify()
    {
        var digest = new Option<string?>("--digest")
        {
            Description = "A digest file kept outside the database, or a folder of them: prove the database consistent with it (with the newest, and the folder's digests with each other).",
            HelpName = "FILE|FOLDER",
        };
        var key = KeyOption();
        var verify = new Command("verify", "Check that no history event has been altered or removed, and with --digest that the database is consistent with digests kept outside it: exit 0 when intact, 1 naming what is broken.")
        {
            digest, key,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(digest);
            var published = path is null ? null : Bad(() => PublishedDigest.Read(path));
            using var host = CliHost.Build(CommonOptions.Overrides(parse));
            await host.Services.MigrateStewardDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var started = TimeProvider.System.GetTimestamp();
            var progress = new Progress<long>(n => Console.Error.Write($"\r{n:N0} events checked"));
            var check = published is null
                ? new DigestCheck(await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(progress, ct), null)
                : await Bad(() => scope.ServiceProvider.GetRequiredService<DigestVerification>().VerifyAsync(published, parse.GetValue(key) ?? [], progress, ct));
            Console.Error.Write("\r");
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            if (!check.Result.IsIntact)
            {
                throw new CommandFailure($"history is broken: {check.Result.Problem}");
            }

            var against = check.Against is { } d ? $" and consistent with digest {d.Sequence} (taken {d.TakenAt:yyyy-MM-dd HH:mm:ss} UTC, {d.Events:N0} events)" : string.Empty;
            Console.WriteLine($"History intact{against}: {check.Result.EventsChecked:N0} events checked in {seconds:F1} s.");
            return StewardCommandLine.Success;
        });
        return verify;
    }

    private static Command Digest()
    {
        var digest = new Command("digest", "Take a digest of the whole history now, sign it with Audit:SigningKeyPath, keep it, write it to Audit:DigestFolder if set, and print it (JSON) for a log collector.");
        digest.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(CommonOptions.Overrides(parse));
            await host.Services.MigrateStewardDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var taken = await Bad(() => scope.ServiceProvider.GetRequiredService<HistoryDigests>().TakeAsync(ct));
            Console.WriteLine(taken.ToJson());
            var written = await Bad(() => scope.ServiceProvider.GetRequiredService<DigestPublication>().WriteAsync(taken, ct));
            await Console.Error.WriteLineAsync($"Digest {taken.Sequence}: {taken.Events:N0} events, {taken.Records:N0} records{(written is null ? "; set Audit:DigestFolder to keep a copy outside the database" : $", written to {written}")}.");
            return StewardCommandLine.Success;
        });
        return digest;
    }

    private static Command Prove()
    {
        var record = new Argument<Guid>("record") { Description = "The record's id (as the history names it)." };
        var digest = new Option<string?>("--digest") { Description = "The digest file to prove against (default: the database's newest digest).", HelpName = "FILE" };
        var prove = new Command("prove", "Print an inclusion proof (JSON): the record's history and the path from it to a digest's signed root, showing nothing else of the database.")
        {
            record, digest,
        };
        prove.SetAction(async (parse, ct) =>
        {
            var against = parse.GetValue(digest) is { } path ? Bad(() => PublishedDigest.Read(path)).OrderBy(p => p.Digest.Sequence).Last().Digest : null;
            return await CliHost.WithServicesAsync(parse, async services =>
            {
                var proof = await Bad(() => InclusionProof.MakeAsync(services.GetRequiredService<StewardDbContext>(), parse.GetValue(record), against, ct));
                Console.WriteLine(JsonSerializer.Serialize(proof, ProofJson));
                await Console.Error.WriteLineAsync($"{proof.RecordType} {proof.RecordId}: {proof.Events.Count} events, covered by digest {proof.Digest.Sequence} (leaf {proof.LeafIndex:N0} of {proof.TreeSize:N0}).");
                return StewardCommandLine.Success;
            });
        });
        return prove;
    }

    private static Command CheckProof()
    {
        var file = new Argument<string>("proof") { Description = "An inclusion proof made by steward audit prove." };
        var key = KeyOption();
        key.Required = true;
        var check = new Command("check-proof", "Check an inclusion proof without the database: exit 0 when it holds for the public key given, 1 saying why not.")
        {
            file, key,
        };
        check.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var proof = Bad(() => JsonSerializer.Deserialize<InclusionProof>(File.ReadAllText(path), ProofJson) ?? throw new JsonException("empty"), path);
            foreach (var keyPath in parse.GetValue(key) ?? [])
            {
                using var publicKey = ECDsa.Create();
                Bad(() => { publicKey.ImportFromPem(File.ReadAllText(keyPath)); return true; }, keyPath);
                if (proof.Problem(publicKey) is null)
                {
                    Console.WriteLine($"Proof holds: {proof.RecordType} {proof.RecordId}'s {proof.Events.Count} events are covered by digest {proof.Digest.Sequence} of instance {proof.Digest.Instance}, signed by key {proof.Digest.KeyId}.");
                    return StewardCommandLine.Success;
                }
            }

            using var first = ECDsa.Create();
            first.ImportFromPem(File.ReadAllText(parse.GetValue(key)![0]));
            throw new CommandFailure($"the proof does not hold: {proof.Problem(first)}");
        });
        return check;
    }

    private static Command Key()
    {
        var output = new Option<string>("--out") { Description = "Where to write the private key (PEM); the public key goes beside it as FILE.pub.", HelpName = "FILE", Required = true };
        var key = new Command("key", "Make a key to sign digests with (ECDSA P-256). Keep it away from the database and its administrators; set Audit:SigningKeyPath to it.")
        {
            output,
        };
        key.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Bad(() =>
            {
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(file))
                {
                    writer.Write(made.ExportPkcs8PrivateKeyPem());
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                File.WriteAllText(path + ".pub", made.ExportSubjectPublicKeyInfoPem());
                return true;
            }, path);
            Console.WriteLine($"Key {DigestKeys.KeyId(made)}: private key in {path}, public key in {path}.pub.");
            return StewardCommandLine.Success;
        });
        return key;
    }

    // Bad input and missing settings end the command with their own message and exit code 2; a digest
    // that cannot honestly be taken ends it with 1.
    private static T Bad<T>(Func<T> work, string? source = null)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is DigestFormatException or DigestSetupException)
        {
            throw new CommandFailure(e.Message, StewardCommandLine.BadUsage);
        }
        catch (Exception e) when (source is not null && e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or CryptographicException or NotSupportedException)
        {
            throw new CommandFailure($"{source}: {e.Message.Split(" Path:")[0].TrimEnd('.')}", StewardCommandLine.BadUsage);
        }
    }

    private static async Task<T> Bad<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is DigestFormatException or DigestSetupException)
        {
            throw new CommandFailure(e.Message, StewardCommandLine.BadUsage);
        }
        catch (DigestRefusedException e)
        {
            throw new CommandFailure($"no digest taken: {e.Message}", StewardCommandLine.FailedCheck);
        }
    }
}

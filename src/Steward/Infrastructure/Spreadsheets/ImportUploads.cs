namespace Steward.Infrastructure.Spreadsheets;

// Files uploaded to an import page (a register, a ledger), kept between checking and importing so the person does not send
// them twice. Each is named by a random id and the uploader's account, and is gone after an hour, once
// imported, or once found unreadable. They live in a folder of this process's own with a random name,
// readable by this account alone (0700, files 0600), so nobody else on the machine can read a register
// or plant a file; a person keeps at most a few uploads at once, the oldest going first. Kept on this
// node's disk: behind a load balancer the check and the import must reach the same node (sticky
// sessions), or the person is asked to upload again.
public sealed class ImportUploads : IDisposable
{
    public const int KeptPerPerson = 5;
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly Lazy<DirectoryInfo> _folder = new(() => Directory.CreateTempSubdirectory("steward-imports-"));

    public string Folder => _folder.Value.FullName;

    public async Task<string> SaveAsync(Guid owner, Stream content, CancellationToken ct)
    {
        var kept = _folder.Value.EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc).ToList();
        var expired = DateTime.UtcNow - KeptFor;
        foreach (var old in kept.Where(f => f.LastWriteTimeUtc < expired))
        {
            old.Delete();
        }

        foreach (var over in kept.Where(f => f.LastWriteTimeUtc >= expired && f.Name.StartsWith($"{owner:N}-", StringComparison.Ordinal)).SkipLast(KeptPerPerson - 1))
        {
            over.Delete();
        }

        var id = Guid.NewGuid().ToString("N");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var file = new FileStream(PathFor(owner, id), options);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(PathFor(owner, id));
            throw;
        }

        return id;
    }

    public Stream? Open(Guid owner, string? id) =>
        IsId(id) && File.Exists(PathFor(owner, id!)) ? File.OpenRead(PathFor(owner, id!)) : null;

    public void Delete(Guid owner, string? id)
    {
        if (IsId(id))
        {
            File.Delete(PathFor(owner, id!));
        }
    }

    public void Dispose()
    {
        if (_folder.IsValueCreated && _folder.Value.Exists)
        {
            _folder.Value.Delete(recursive: true);
        }
    }

    private static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private string PathFor(Guid owner, string id) => Path.Combine(Folder, $"{owner:N}-{id}.upload");
}

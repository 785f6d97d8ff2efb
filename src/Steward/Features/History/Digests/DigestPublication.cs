namespace Steward.Features.History.Digests;

// Where digests go besides the database: a folder the administrator names (Audit:DigestFolder), meant to be
// on write-once storage or one the database's administrators cannot write. `steward audit digest` also
// writes each to standard output, for a log collector.
public sealed class DigestPublication(IConfiguration configuration)
{
    public const string FolderSetting = "Audit:DigestFolder";

    public string? Folder => configuration[FolderSetting] is { Length: > 0 } folder ? folder : null;

    public static string FileName(HistoryDigestDocument digest) => $"steward-digest-{digest.Sequence:D8}.json";

    // Never overwrites: a digest once written outside stays as it was.
    public async Task<string?> WriteAsync(HistoryDigestDocument digest, CancellationToken ct)
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, FileName(digest));
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(digest.ToJson().AsMemory(), ct);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DigestSetupException($"{FolderSetting}: digest {digest.Sequence} is kept in the database but could not be written to '{folder}' ({e.Message.TrimEnd('.')})");
        }
    }
}

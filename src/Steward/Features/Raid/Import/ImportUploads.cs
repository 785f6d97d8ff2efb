namespace Steward.Features.Raid;

// Files uploaded to the import page, kept between checking and importing so the person does not send
// them twice. Each is named by a random id and the uploader's account, and is gone after an hour or
// once imported. Kept on this node's disk: behind a load balancer the check and the import must reach
// the same node (sticky sessions), or the person is asked to upload again.
public sealed class ImportUploads
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steward-imports");

    public async Task<string> SaveAsync(Guid owner, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        foreach (var old in new DirectoryInfo(_folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - KeptFor))
        {
            old.Delete();
        }

        var id = Guid.NewGuid().ToString("N");
        await using var file = File.Create(PathFor(owner, id));
        await content.CopyToAsync(file, ct);
        return id;
    }

    public Stream? Open(Guid owner, string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) && File.Exists(PathFor(owner, id)) ? File.OpenRead(PathFor(owner, id)) : null;

    public void Delete(Guid owner, string id)
    {
        if (id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(PathFor(owner, id));
        }
    }

    private string PathFor(Guid owner, string id) => Path.Combine(_folder, $"{owner:N}-{id}.upload");
}

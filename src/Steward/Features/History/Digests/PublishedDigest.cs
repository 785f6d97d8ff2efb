namespace Steward.Features.History.Digests;

// A digest as read back from outside the database, with where it was read from (to name it).
public sealed record PublishedDigest(HistoryDigestDocument Digest, string Source)
{
    // A digest file, or every steward-digest-*.json in a folder (a folder of digests is also checked as a chain).
    public static List<PublishedDigest> Read(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "steward-digest-*.json").Order(StringComparer.Ordinal).ToList();
            return files.Count > 0 ? files.Select(ReadFile).ToList()
                : throw new DigestFormatException($"{path} holds no digest files (steward-digest-*.json)");
        }

        return File.Exists(path) ? [ReadFile(path)] : throw new DigestFormatException($"no digest file or folder at {path}");
    }

    public static PublishedDigest FromText(string text, string source) => new(HistoryDigestDocument.Parse(text, source), source);

    private static PublishedDigest ReadFile(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > 64 * 1024)
            {
                throw new DigestFormatException($"{file} is not a Steward history digest: a digest is under 1 KB, this file is {info.Length:N0} bytes");
            }

            return FromText(File.ReadAllText(file), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DigestFormatException($"cannot read the digest file {file} ({e.Message.TrimEnd('.')})");
        }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.Gmpp;

// A file uploaded on the import page, kept between its dry run and the person's confirmation so they do
// not upload it twice: on this server's disk, under a random name only the person who uploaded it can
// use, for two hours. (One server: behind a load balancer the confirmation must reach the same node.)
public sealed class GmppUploads
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(2);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steward-gmpp-uploads");

    public string Keep(byte[] bytes, string fileName, string owner)
    {
        Directory.CreateDirectory(_folder);
        foreach (var old in new DirectoryInfo(_folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - Kept))
        {
            old.Delete();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllBytes(Path.Combine(_folder, token), bytes);
        File.WriteAllText(Path.Combine(_folder, token + ".about"), $"{Owner(owner)}\n{fileName}", Encoding.UTF8);
        return token;
    }

    public (byte[] Bytes, string FileName)? Find(string? token, string owner)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var about = Path.Combine(_folder, token + ".about");
        if (!File.Exists(about) || File.GetLastWriteTimeUtc(about) < DateTime.UtcNow - Kept)
        {
            return null;
        }

        var lines = File.ReadAllText(about, Encoding.UTF8).Split('\n', 2);
        return lines.Length == 2 && lines[0] == Owner(owner) ? (File.ReadAllBytes(Path.Combine(_folder, token)), lines[1]) : null;
    }

    public void Forget(string token)
    {
        File.Delete(Path.Combine(_folder, token));
        File.Delete(Path.Combine(_folder, token + ".about"));
    }

    private static string Owner(string owner) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)));
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.Tokens;

// "stw_" and 32 random bytes in base64url: 256 bits, so a fast hash is safe to store and look up by.
public static class TokenSecret
{
    public const string Scheme = "stw_";
    private const int SecretLength = 47; // "stw_" + 43 base64url characters
    private static readonly SearchValues<char> Base64UrlChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string New() => Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool LooksValid(string token) =>
        token.Length == SecretLength && token.StartsWith(Scheme, StringComparison.Ordinal)
        && !token.AsSpan(Scheme.Length).ContainsAnyExcept(Base64UrlChars);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static string PrefixOf(string token) => token[..10];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

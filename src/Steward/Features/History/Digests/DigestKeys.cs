using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.History.Digests;

// The key that signs digests is never in the database: a PEM file (Audit:SigningKeyPath) or the PEM text in
// an environment secret (STEWARD_AUDIT__SIGNINGKEY). Verification trusts the signing key's public half and
// the public keys listed in Audit:TrustedKeyPaths (comma-separated PEM files): to rotate, make a new key,
// sign with it, and list the old key's public half there so digests it signed still verify.
public sealed class DigestKeys(IConfiguration configuration)
{
    public const string SigningKeyPathSetting = "Audit:SigningKeyPath";
    public const string SigningKeySetting = "Audit:SigningKey";
    public const string TrustedKeyPathsSetting = "Audit:TrustedKeyPaths";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(configuration[SigningKeyPathSetting]) || !string.IsNullOrWhiteSpace(configuration[SigningKeySetting]);

    // The private key, or a DigestSetupException saying why there is none: digests refuse to be made without it.
    public ECDsa SigningKey()
    {
        var path = configuration[SigningKeyPathSetting];
        var text = configuration[SigningKeySetting];
        if (string.IsNullOrWhiteSpace(path) && string.IsNullOrWhiteSpace(text))
        {
            throw new DigestSetupException($"no key to sign digests with: set {SigningKeyPathSetting} (STEWARD_AUDIT__SIGNINGKEYPATH) to a key file made by `steward audit key`, kept away from the database");
        }

        var (pem, source) = string.IsNullOrWhiteSpace(path) ? (text!, SigningKeySetting) : (Read(path, SigningKeyPathSetting), $"{SigningKeyPathSetting} '{path}'");
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new DigestSetupException($"{source} holds no ECDSA private key in PEM ({e.Message.TrimEnd('.')})");
        }

        if (key.KeySize != 256 || !HasPrivateKey(key))
        {
            key.Dispose();
            throw new DigestSetupException($"{source} must hold an ECDSA P-256 private key, as `steward audit key` makes");
        }

        return key;
    }

    // Public keys by key id: the signing key's (when there is one) and those listed as trusted, plus any
    // given for one run (steward audit verify --key).
    public Dictionary<string, ECDsa> TrustedKeys(IEnumerable<string> extraPaths)
    {
        var trusted = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        if (IsConfigured)
        {
            var signing = SigningKey();
            trusted[KeyId(signing)] = signing;
        }

        var listed = (configuration[TrustedKeyPathsSetting] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (Path: p, Setting: TrustedKeyPathsSetting))
            .Concat(extraPaths.Select(p => (Path: p, Setting: "--key")));
        foreach (var (path, setting) in listed)
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(Read(path, setting));
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new DigestSetupException($"{setting} '{path}' holds no ECDSA key in PEM ({e.Message.TrimEnd('.')})");
            }

            trusted[KeyId(key)] = key;
        }

        return trusted;
    }

    // The first 16 bytes of the SHA-256 of the public key (SubjectPublicKeyInfo), in hex.
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..16]);

    public static string Sign(ECDsa key, HistoryDigestDocument statement) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(statement.Statement()), HashAlgorithmName.SHA256));

    public static bool Verifies(ECDsa key, HistoryDigestDocument document)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(document.Statement()), Convert.FromBase64String(document.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            key.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Read(string path, string setting)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DigestSetupException($"{setting}: cannot read the key file '{path}' ({e.Message.TrimEnd('.')})");
        }
    }
}

// A setting digests need (the signing key, a trusted key, the folder they are written to) is missing or unusable.
public sealed class DigestSetupException(string message) : Exception(message);

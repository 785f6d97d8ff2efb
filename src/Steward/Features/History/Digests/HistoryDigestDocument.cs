using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Features.History.Digests;

// A database digest as it is published outside the database: what the whole history was at one moment
// (the Merkle root of every record's chain head, how many events, the newest event covered) and the hash
// of the digest before it, signed with a key the database does not hold. The signature and the chain of
// digests cover the statement: the fields in a fixed order, one per line (see Statement), so anyone can
// check a digest without Steward's code.
public sealed record HistoryDigestDocument(
    string Format,
    Guid Instance,
    long Sequence,
    DateTime TakenAt,
    long LastEventId,
    long Events,
    long Records,
    string Root,
    string? Previous,
    string Algorithm,
    string KeyId,
    string Signature)
{
    public const string CurrentFormat = "steward-history-digest/1";
    public const string EcdsaP256 = "ECDSA P-256 SHA-256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Statement() => string.Join('\n',
        Format, Instance.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture),
        TakenAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        LastEventId.ToString(CultureInfo.InvariantCulture), Events.ToString(CultureInfo.InvariantCulture),
        Records.ToString(CultureInfo.InvariantCulture), Root, Previous ?? string.Empty, Algorithm, KeyId) + "\n";

    // What the next digest names as its previous one.
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Statement())));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // Reads a digest file, saying what is wrong with one that is not a digest.
    public static HistoryDigestDocument Parse(string text, string source)
    {
        HistoryDigestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<HistoryDigestDocument>(text, Json);
        }
        catch (JsonException e)
        {
            throw new DigestFormatException($"{source} is not a Steward history digest: {e.Message.Split(" Path:")[0].TrimEnd('.')}");
        }

        if (document is null || document.Format != CurrentFormat)
        {
            throw new DigestFormatException($"{source} is not a Steward history digest: its format is not \"{CurrentFormat}\"");
        }

        var missing = new (string Name, bool Missing)[]
        {
            ("instance", document.Instance == Guid.Empty), ("sequence", document.Sequence < 1), ("root", !IsHash(document.Root)),
            ("previous", document.Previous is not null && !IsHash(document.Previous)), ("algorithm", document.Algorithm != EcdsaP256),
            ("keyId", string.IsNullOrWhiteSpace(document.KeyId)), ("signature", string.IsNullOrWhiteSpace(document.Signature)),
            ("events", document.Events < 0), ("lastEventId", document.LastEventId < 0),
        }.FirstOrDefault(f => f.Missing).Name;
        return missing is null ? document with { TakenAt = document.TakenAt.ToUniversalTime() }
            : throw new DigestFormatException($"{source} is not a Steward history digest: its field \"{missing}\" is missing or not valid");
    }

    private static bool IsHash(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);
}

public sealed class DigestFormatException(string message) : Exception(message);

using System.Buffers.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Steward.Features.Units;

// An opaque keyset position: the sort value and the code (unique) of the last row a caller saw.
internal sealed record UnitCursor(string? Value, string Code)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static UnitCursor Decode(string cursor)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<UnitCursor>(Base64Url.DecodeFromChars(cursor));
            return decoded is { Code: not null } ? decoded : throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid();
        }
    }

    public static ValidationException Invalid() =>
        new([new ValidationFailure("cursor", "Cursor is not one this API gave out; start again without it")]);
}

using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Steward.Infrastructure.Registers;

// Register cursors are opaque to clients; inside, the number of rows already read. Registers sort on
// fields many rows share (score, priority), where a position is simpler and as stable as a keyset.
public static class RegisterCursor
{
    public static string Encode(int offset) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("o" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (text.StartsWith('o') && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new ValidationException([new ValidationFailure("cursor", "The cursor is not one this register gave out; start again without it")]);
    }
}

// Paging of a register: the next page starts after the rows already shown.
public sealed record RegisterPage(int Limit = 50, string? Cursor = null)
{
    public const int MaxLimit = 500;

    public int Offset => RegisterCursor.Decode(Cursor);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.History;

public static class HistoryHash
{
    // Every stored field but the id takes part, separated so that no two events can share a preimage.
    public static string Compute(HistoryEvent e)
    {
        var content = string.Join('\u001f',
            e.RecordType, e.RecordId.ToString("D"), e.Action, e.Actor, e.Channel,
            e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            e.Version?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            e.Changes, e.PreviousHash ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}

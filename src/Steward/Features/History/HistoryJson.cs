using System.Text.Encodings.Web;
using System.Text.Json;

namespace Steward.Features.History;

internal static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<HistoryChange> Read(string json) =>
        JsonSerializer.Deserialize<List<HistoryChange>>(json, Options) ?? [];
}

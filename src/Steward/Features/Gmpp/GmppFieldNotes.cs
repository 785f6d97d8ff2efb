using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Features.Gmpp;

public enum GmppNoteKind
{
    // Withheld under an exemption of the Freedom of Information Act; published as its wording.
    Withheld,

    // The department said it had nothing to give ("Data not provided by department", "TBC", "Reset").
    NotGiven,

    // Text where a value was expected that Steward could not read as one; kept as published.
    AsPublished,
}

// A field given as words instead of a value, in the department's own words.
public sealed record GmppFieldNote(GmppField Field, GmppNoteKind Kind, string Text);

public static class GmppFieldNotes
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string? Write(IReadOnlyCollection<GmppFieldNote> notes) =>
        notes.Count == 0 ? null : JsonSerializer.Serialize(notes.OrderBy(n => n.Field), Json);

    public static IReadOnlyList<GmppFieldNote> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<GmppFieldNote>>(json, Json) ?? [];
}

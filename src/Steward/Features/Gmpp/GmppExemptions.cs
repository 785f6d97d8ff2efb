using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Features.Gmpp;

// A field of the return withheld under an exemption of the Freedom of Information Act 2000, published as
// the exemption's wording instead of its value.
public sealed record GmppWithheldField(GmppField Field, string Exemption);

public static class GmppExemptions
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    // The exemptions GMPP data has been withheld under, in the wording departments publish.
    public static IReadOnlyList<(string Key, string Wording)> Known { get; } =
    [
        ("section-22", "Exempt under Section 22 of the Freedom of Information Act 2000 (Information intended for future publication)"),
        ("section-24", "Exempt under Section 24 of the Freedom of Information Act 2000 (National security)"),
        ("section-26", "Exempt under Section 26 of the Freedom of Information Act 2000 (Defence)"),
        ("section-27", "Exempt under Section 27 of the Freedom of Information Act 2000 (International relations)"),
        ("section-35", "Exempt under Section 35 of the Freedom of Information Act 2000 (Formulation of government policy)"),
        ("section-43", "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)"),
    ];

    // The fields a department may withhold: everything but what names the project.
    public static IReadOnlyList<GmppField> Withholdable { get; } =
    [
        GmppField.Description, GmppField.IpaDca, GmppField.SroDca, GmppField.DcaCommentary, GmppField.Start, GmppField.End, GmppField.ScheduleNarrative,
        GmppField.YearBaseline, GmppField.YearForecast, GmppField.YearVariancePercent, GmppField.VarianceNarrative, GmppField.WholeLifeCost,
        GmppField.WholeLifeCostNarrative, GmppField.Benefits, GmppField.BenefitsNarrative,
    ];

    public static string? WordingOf(string? key) => Known.FirstOrDefault(k => k.Key == key).Wording;

    public static string? KeyOf(string wording) => Known.FirstOrDefault(k => k.Wording == wording).Key;

    public static string? Write(IReadOnlyCollection<GmppWithheldField> fields) =>
        fields.Count == 0 ? null : JsonSerializer.Serialize(fields.OrderBy(f => f.Field), Json);

    public static IReadOnlyList<GmppWithheldField> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<GmppWithheldField>>(json, Json) ?? [];
}

using System.Globalization;

namespace Steward.Infrastructure.Spreadsheets;

// The fields an import can fill, each with the words the import page uses for it and the headings it is
// known by: in Steward's own export, in common templates, and as people actually spell them.
// Headings match after normalising, so "Probabilty / Likelihood" and "probabilty-likelihood" are one.
public sealed class ImportFieldSet
{
    // Worked out by Steward or its own bookkeeping (a score, a version): recognised, so that a
    // re-imported export maps cleanly, but never imported.
    public const string Ignored = "ignored";

    private readonly List<string> fields = [];
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All => fields;

    public ImportFieldSet Field(string field, string label, params string[] headings)
    {
        fields.Add(field);
        labels[field] = label;
        foreach (var heading in headings)
        {
            known[Normalise(heading)] = field;
        }

        return this;
    }

    public ImportFieldSet Ignore(params string[] headings)
    {
        foreach (var heading in headings)
        {
            known[Normalise(heading)] = Ignored;
        }

        return this;
    }

    public string Label(string field) => labels.GetValueOrDefault(field, field);

    public bool Contains(string field) => labels.ContainsKey(field) || field == Ignored;

    public string? Recognise(string heading) => known.GetValueOrDefault(Normalise(heading));

    public bool IsKnown(string heading) => known.ContainsKey(Normalise(heading));

    public static string Normalise(string heading) =>
        new([.. heading.ToLower(CultureInfo.InvariantCulture).Where(char.IsLetterOrDigit)]);
}

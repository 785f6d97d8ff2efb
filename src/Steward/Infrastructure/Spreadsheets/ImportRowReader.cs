using System.Globalization;
using FluentValidation.Results;

namespace Steward.Infrastructure.Spreadsheets;

// The people an import can name, looked up once for every row: by e-mail, or by a name only one person has.
public sealed class ImportPeople(IEnumerable<(Guid Id, string Name, string Email)> people)
{
    private readonly Dictionary<string, Guid> byEmail = people.ToDictionary(p => p.Email, p => p.Id, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Guid>> byName = people.GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.OrdinalIgnoreCase);

    public Guid? ByEmail(string email) => byEmail.TryGetValue(email.Trim(), out var id) ? id : null;

    // The person, or why the text names nobody (or more than one).
    public (Guid? Id, string? Problem) Find(string text)
    {
        if (byEmail.TryGetValue(text, out var byMail))
        {
            return (byMail, null);
        }

        if (byName.TryGetValue(text, out var named))
        {
            return named.Count == 1 ? (named[0], null) : (null, $"{named.Count} people are called {text}; give their e-mail address instead");
        }

        return (null, $"No person in Steward is called or has the e-mail address '{text}'");
    }
}

// One row of an import, read field by field. Every cell that cannot be read becomes a problem at the
// row's number and the column's heading, as the person will find it in their spreadsheet. fallbacks: a
// field whose problems go to another's column when it has none of its own (an owner given by e-mail alone).
public sealed class ImportRowReader(
    int row, IReadOnlyDictionary<string, string> cells, IReadOnlyList<ImportColumn> columns, ImportPeople people, ImportProblemList problems, DateTime now,
    IReadOnlyDictionary<string, string>? fallbacks = null)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd'T'HH:mm:ss"];
    private readonly int problemsBefore = problems.Count;

    public int Row => row;

    // When the import runs: what a row with no date raised was raised on, and when a closed row closed.
    public DateTime Now => now;

    public DateOnly Today => DateOnly.FromDateTime(now);

    public bool HasProblems => problems.Count > problemsBefore;

    public string? Text(string field) => cells.GetValueOrDefault(field);

    public void Problem(string field, string message) => problems.Add(new ImportProblem(row, HeadingOf(field), message));

    // A form validator's failures, each placed at the column its property was read from.
    public void Problems(IEnumerable<ValidationFailure> failures, Func<string, string> fieldOfProperty)
    {
        foreach (var failure in failures)
        {
            Problem(fieldOfProperty(failure.PropertyName), failure.ErrorMessage);
        }
    }

    public DateOnly? Date(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Excel keeps dates as days since 1900; a cell formatted as a number shows the serial.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        Problem(field, $"'{text}' is not a date; use a date such as 27/03/2027 or 2027-03-27");
        return null;
    }

    public Guid? Person(string field) => Person(Text(field), field);

    public Guid? Person(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        var (id, problem) = people.Find(text);
        if (problem is not null)
        {
            Problem(field, problem);
        }

        return id;
    }

    // One of a fixed set of values, by its name in any case and spacing ("At risk", "at-risk", "AtRisk"),
    // or by one of the other words a template uses for it.
    public T? Choice<T>(string field, string expected, IReadOnlyDictionary<string, T>? synonyms = null)
        where T : struct, Enum
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        var key = ImportFieldSet.Normalise(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (ImportFieldSet.Normalise(value.ToString()) == key)
            {
                return value;
            }
        }

        if (synonyms is not null && synonyms.TryGetValue(key, out var synonym))
        {
            return synonym;
        }

        Problem(field, $"'{text}' is not {expected}");
        return null;
    }

    // The column the field was read from, or its fallback's.
    private string HeadingOf(string field) =>
        columns.FirstOrDefault(c => c.Field == field)?.Heading
        ?? (fallbacks?.GetValueOrDefault(field) is { } other ? columns.FirstOrDefault(c => c.Field == other)?.Heading : null)
        ?? field;

    // The cells of a row by field, as typed, blank cells left out.
    public static Dictionary<string, string> Cells(SheetRow row, IReadOnlyList<ImportColumn> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count && i < row.Cells.Count; i++)
        {
            if (columns[i].Field is { } field and not ImportFieldSet.Ignored && row.Cells[i] is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
            {
                cells[field] = text.Trim();
            }
        }

        return cells;
    }

    // The field a heading fills: the caller's mapping first ("-" or blank: not imported), else the heading recognised.
    public static string? FieldFor(ImportFieldSet fields, string heading, IReadOnlyDictionary<string, string>? mapping)
    {
        if (mapping is not null && mapping.TryGetValue(heading, out var chosen))
        {
            return string.IsNullOrWhiteSpace(chosen) || chosen == "-" ? null : chosen;
        }

        return string.IsNullOrWhiteSpace(heading) ? null : fields.Recognise(heading);
    }
}

using Steward.Features.Reporting;

namespace Steward.Features.Gmpp;

// Something in a file that could not be read as it stands: where (file, column or row, project), which
// field, the value, and why. Refuses: the file cannot be imported until it is corrected; otherwise the
// value is kept as published text and importing needs the person's confirmation.
public sealed record GmppFinding(string File, string Where, string Project, string Field, string? Value, string Message, bool Refuses);

// One project of a file read into values: what each cell gave, the notes for fields given as words, and
// every finding. Nothing here touches the database.
public sealed class GmppProjectReading
{
    private readonly List<GmppFieldNote> _notes = [];
    private readonly List<GmppFinding> _findings = [];
    private readonly string _file;

    public GmppProjectReading(string file, GmppFileProject project, DcaScale scale)
    {
        _file = file;
        Where = project.Where;
        Cells = project.Cells;
        Name = project.Cells.TryGetValue(GmppField.Name, out var name) ? GmppValues.Tidy(name) : string.Empty;
        GmppId = project.Cells.TryGetValue(GmppField.GmppId, out var id) ? GmppValues.Tidy(id).ToUpperInvariant() : null;
        if (Name.Length == 0)
        {
            Find(GmppField.Name, null, "The project has no name", true);
        }
        else if (Name.Length > GmppSnapshot.NameMaxLength)
        {
            Find(GmppField.Name, Name, $"The name is longer than {GmppSnapshot.NameMaxLength} characters", true);
        }

        if (GmppId is not null && (GmppId.Length > GmppMembership.GmppIdMaxLength || GmppId.Any(char.IsWhiteSpace)))
        {
            Find(GmppField.GmppId, GmppId, $"A GMPP id is one word of at most {GmppMembership.GmppIdMaxLength} characters, such as DFT_0048_2021-Q3", true);
        }

        if (Text(GmppField.Department) is { } department)
        {
            (Department, var problem) = GmppDepartments.Read(department);
            PublishedDepartment = GmppValues.Tidy(department);
            if (problem is not null)
            {
                Find(GmppField.Department, department, $"{problem}; kept as published (record the lead department on the unit's GMPP entry)", false);
            }
        }

        if (Text(GmppField.Category) is { } category)
        {
            PublishedCategory = GmppValues.Tidy(category);
            Category = GmppValues.Category(category);
            if (Category is null)
            {
                Find(GmppField.Category, category, $"'{PublishedCategory}' is not an annual report category; kept as published", false);
            }
        }

        Description = Narrative(GmppField.Description);
        DcaCommentary = Narrative(GmppField.DcaCommentary);
        ScheduleNarrative = Narrative(GmppField.ScheduleNarrative);
        VarianceNarrative = Narrative(GmppField.VarianceNarrative);
        WholeLifeCostNarrative = Narrative(GmppField.WholeLifeCostNarrative);
        BenefitsNarrative = Narrative(GmppField.BenefitsNarrative);

        IpaDca = Rating(GmppField.IpaDca, scale);
        SroDca = Rating(GmppField.SroDca, scale);
        Start = Read(GmppField.Start, GmppValues.Date);
        End = Read(GmppField.End, GmppValues.Date);
        if (Start is { } s && End is { } e && e < s)
        {
            Find(GmppField.End, Cells[GmppField.End], $"The end date {e:dd/MM/yyyy} is before the start date {s:dd/MM/yyyy}", true);
        }

        YearBaseline = Read(GmppField.YearBaseline, GmppValues.Millions);
        YearForecast = Read(GmppField.YearForecast, GmppValues.Millions);
        YearVariancePercent = Read(GmppField.YearVariancePercent, GmppValues.PercentOf);
        // The variance in £m is the forecast less the baseline: checked as money, not kept.
        Read(GmppField.YearVarianceAmount, GmppValues.Millions);
        WholeLifeCost = Money(GmppField.WholeLifeCost, out var low, out var high);
        (WholeLifeCostLow, WholeLifeCostHigh) = (low, high);
        Benefits = Money(GmppField.Benefits, out _, out _);
    }

    public string Where { get; }
    public IReadOnlyDictionary<GmppField, string> Cells { get; }
    public string Name { get; }
    public string? GmppId { get; }
    public string? Department { get; }
    public string? PublishedDepartment { get; }
    public GmppCategory? Category { get; }
    public string? PublishedCategory { get; }
    public string? Description { get; }
    public DcaRating? IpaDca { get; }
    public DcaRating? SroDca { get; }
    public string? DcaCommentary { get; }
    public DateOnly? Start { get; }
    public DateOnly? End { get; }
    public string? ScheduleNarrative { get; }
    public decimal? YearBaseline { get; }
    public decimal? YearForecast { get; }
    public decimal? YearVariancePercent { get; }
    public string? VarianceNarrative { get; }
    public decimal? WholeLifeCost { get; }
    public decimal? WholeLifeCostLow { get; }
    public decimal? WholeLifeCostHigh { get; }
    public string? WholeLifeCostNarrative { get; }
    public decimal? Benefits { get; }
    public string? BenefitsNarrative { get; }

    public IReadOnlyList<GmppFieldNote> Notes => _notes;
    public IReadOnlyList<GmppFinding> Findings => _findings;

    public void Find(GmppField field, string? value, string message, bool refuses) =>
        _findings.Add(new GmppFinding(_file, Where, Name.Length > 0 ? Name : Where, GmppHeadings.Label(field), value is null ? null : GmppValues.Tidy(value), message, refuses));

    private string? Text(GmppField field) => Cells.TryGetValue(field, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    // Narratives are kept whole; one that is only an exemption is noted as withheld as well.
    private string? Narrative(GmppField field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        var tidy = text.Trim();
        if (tidy.Length > GmppSnapshot.TextMaxLength)
        {
            Find(field, tidy[..80], $"The text is longer than {GmppSnapshot.TextMaxLength:N0} characters", true);
            return null;
        }

        if (tidy.Length < 300 && GmppValues.IsExemption(tidy))
        {
            _notes.Add(new GmppFieldNote(field, GmppNoteKind.Withheld, GmppValues.Tidy(tidy)));
        }

        return tidy;
    }

    private DcaRating? Rating(GmppField field, DcaScale scale)
    {
        var rating = Read(field, GmppValues.Dca);
        if (rating is { } r && !DeliveryConfidence.OnScale(r, scale))
        {
            Find(field, Cells[field], $"{DeliveryConfidence.Label(r)} is not on the {DeliveryConfidence.Label(scale)} scale in use at this date", true);
            return null;
        }

        return rating;
    }

    private decimal? Money(GmppField field, out decimal? low, out decimal? high)
    {
        (low, high) = (null, null);
        if (Text(field) is { } text && GmppValues.MillionsRange(text) is { } range)
        {
            (low, high) = (range.Low, range.High);
            return Keep(field, text, range.Mid);
        }

        return Read(field, GmppValues.Millions);
    }

    private T? Read<T>(GmppField field, Func<string, Reading<T>> read) where T : struct =>
        Text(field) is { } text ? Keep(field, text, read(text)) : null;

    private T? Keep<T>(GmppField field, string text, Reading<T> reading) where T : struct
    {
        if (reading.Kind is { } kind)
        {
            _notes.Add(new GmppFieldNote(field, kind, GmppValues.Tidy(text)));
        }

        if (reading.Problem is { } problem)
        {
            Find(field, text, problem, reading.Refuses);
        }

        return reading.Value;
    }
}

using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Finance;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// What recording and changing a benefit share: the form, its choices, and reading it into the input the
// service checks.
public abstract class BenefitFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<BenefitForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Title", "Input.Description", "Input.IsDisbenefit", "Input.Category", "Input.Nature", "Input.Class", "Input.OwnerId", "Input.OwningUnit",
        "Input.Kpi", "Input.UnitOfMeasure", "Input.Direction", "Input.MeasuredBy", "Input.Frequency", "Input.BaselineValue", "Input.BaselineDate",
        "Input.TargetValue", "Input.TargetDate", "Input.MonetisedValue", "Input.Confidence", "Input.Status", "Input.Profile", "Input.Related",
    ];

    public static IReadOnlyList<SelectListItem> Categories { get; } = Items<BenefitCategory>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Natures { get; } = Items<BenefitNature>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Classes { get; } = Items<BenefitClass>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Directions { get; } = Items<MeasureDirection>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Frequencies { get; } = Items<MeasurementFrequency>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Confidences { get; } = Items<BenefitConfidence>(BenefitLabels.Of);
    public static IReadOnlyList<SelectListItem> Statuses { get; } = Items<BenefitStatus>(BenefitLabels.Of);

    private static List<SelectListItem> Items<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(label(v), EnumText.Of(v))).ToList();

    protected static Task<IReadOnlyList<ValidationFailure>> NothingMoreToCheck(BenefitInput input, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ValidationFailure>>([]);

    protected BenefitInput ReadInput()
    {
        var baselineDate = ReadDate(Input.BaselineDate, "Baseline date", nameof(BenefitForm.BaselineDate));
        var targetDate = ReadDate(Input.TargetDate, "Target date", nameof(BenefitForm.TargetDate));
        var baseline = ReadNumber(Input.BaselineValue, nameof(BenefitForm.BaselineValue));
        var target = ReadNumber(Input.TargetValue, nameof(BenefitForm.TargetValue));
        return new BenefitInput(Input.Title, Input.Description, Input.OwningUnit, Input.OwnerId, Input.Category, Input.Nature, Input.Class, Input.IsDisbenefit,
            Input.Kpi, Input.UnitOfMeasure, Input.Direction, Input.MeasuredBy, Input.Frequency, baseline, baselineDate, target, targetDate,
            string.IsNullOrWhiteSpace(Input.MonetisedValue) ? null : new AmountText(Input.MonetisedValue), Input.Confidence, Input.Status, ReadProfile(),
            [.. (Input.Related ?? string.Empty).Split([',', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    // One point a line: the date (2027-03-31 or 31/03/2027), the planned value and, optionally, a year's £.
    private List<ProfilePointInput> ReadProfile()
    {
        var points = new List<ProfilePointInput>();
        var lines = (Input.Profile ?? string.Empty).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var words = lines[n].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var on = DateOnly.TryParseExact(words[0], ["yyyy-MM-dd", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
            var value = words.Length > 1 && decimal.TryParse(words[1].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
            if (on is null || value is null || words.Length > 3)
            {
                ModelState.AddModelError("Input.Profile", $"Line {n + 1}: '{lines[n].Trim()}' should be a date, a value and, if monetised, a year's £, such as 2027-03-31 20 £1.2m");
                continue;
            }

            points.Add(new ProfilePointInput(on, value, words.Length == 3 ? new AmountText(words[2]) : null));
        }

        return points;
    }

    protected override string FieldFor(string apiField) =>
        apiField.StartsWith("profile", StringComparison.Ordinal) ? "Input.Profile"
        : apiField.StartsWith("related", StringComparison.Ordinal) ? "Input.Related"
        : base.FieldFor(apiField);

    private decimal? ReadNumber(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError($"Input.{field}", $"'{text}' is not a number: write it as 24 or 1,250.5");
        return null;
    }
}

public sealed class BenefitForm : IEditForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public bool IsDisbenefit { get; set; }
    public string? Category { get; set; }
    public string? Nature { get; set; } = "quantitative";
    public string? Class { get; set; }
    public Guid? OwnerId { get; set; }
    public string? OwningUnit { get; set; }
    public string? Kpi { get; set; }
    public string? UnitOfMeasure { get; set; }
    public string? Direction { get; set; } = "higher-is-better";
    public string? MeasuredBy { get; set; }
    public string? Frequency { get; set; }
    public string? BaselineValue { get; set; }
    public DateParts BaselineDate { get; set; } = new();
    public string? TargetValue { get; set; }
    public DateParts TargetDate { get; set; } = new();
    public string? MonetisedValue { get; set; }
    public string? Confidence { get; set; }
    public string? Status { get; set; } = "identified";
    public string? Profile { get; set; }
    public string? Related { get; set; }
    public int Version { get; set; }

    public static BenefitForm From(BenefitView b) => new()
    {
        Title = b.Title, Description = b.Description, IsDisbenefit = b.IsDisbenefit, Category = b.Category, Nature = b.Nature, Class = b.Class,
        OwnerId = b.Owner?.Id, OwningUnit = b.OwningUnit?.Code, Kpi = b.Kpi, UnitOfMeasure = b.UnitOfMeasure, Direction = b.Direction,
        MeasuredBy = b.MeasuredBy, Frequency = b.Frequency,
        BaselineValue = b.BaselineValue?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), BaselineDate = DateParts.From(b.BaselineDate),
        TargetValue = b.TargetValue?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), TargetDate = DateParts.From(b.TargetDate),
        MonetisedValue = b.MonetisedValue?.Pounds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Confidence = b.Confidence, Status = b.Status,
        Profile = string.Join('\n', b.Profile.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{p.On:yyyy-MM-dd} {p.Value:0.####}{(p.Money is { } m ? " " + m.Pounds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "")}"))),
        Related = string.Join(' ', b.Related.Select(r => r.Reference)),
        Version = b.Version,
    };
}

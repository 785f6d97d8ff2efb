using System.Text.RegularExpressions;

namespace Steward.Features.Gmpp;

// The fields of GMPP published data, whatever a year's file calls them.
public enum GmppField
{
    Year,
    GmppId,
    Name,
    Department,
    Category,
    Description,
    IpaDca,
    SroDca,
    DcaCommentary,
    Start,
    End,
    ScheduleNarrative,
    YearBaseline,
    YearForecast,
    YearVarianceAmount,
    YearVariancePercent,
    VarianceNarrative,
    WholeLifeCost,
    WholeLifeCostNarrative,
    Benefits,
    BenefitsNarrative,
}

// Recognises a heading of any year's file: the published wording (2013 to 2025, line breaks and double
// spaces included) and the snake_case a third party gave the 2021 file.
public static partial class GmppHeadings
{
    private static readonly (GmppField Field, string[] Starts)[] Known =
    [
        (GmppField.Year, ["year"]),
        (GmppField.GmppId, ["gmpp id", "project_number", "project number", "gmpp reference"]),
        (GmppField.Name, ["project name", "project_name"]),
        (GmppField.Department, ["department", "dept"]),
        (GmppField.Category, ["annual report category", "report_category", "category"]),
        (GmppField.Description, ["description / aims", "description/aims", "description_aims", "project description", "description"]),
        (GmppField.IpaDca, ["ipa delivery confidence assessment", "mpa rag rating", "mpa delivery confidence assessment", "ipa rag rating", "colour_rating", "ipa dca"]),
        (GmppField.SroDca, ["sro delivery confidence assessment", "sro dca"]),
        (GmppField.DcaCommentary, ["departmental commentary on actions planned or taken", "rating_comment"]),
        (GmppField.Start, ["project - start date", "project start date", "start_date", "start date"]),
        (GmppField.End, ["project - end date", "project end date", "end_date", "end date"]),
        (GmppField.ScheduleNarrative, ["departmental narrative on schedule", "schedule narrative", "schedule_comment"]),
        (GmppField.YearBaseline, ["financial year baseline", "total_baseline"]),
        (GmppField.YearForecast, ["financial year forecast", "yearly_forecast"]),
        (GmppField.YearVariancePercent, ["financial year variance (%)", "financial year variance %"]),
        (GmppField.VarianceNarrative, ["departmental narrative on budget/forecast variance", "departmental narrative on budget / forecast variance", "budget variance narrative", "variance_comment"]),
        (GmppField.WholeLifeCost, ["total budgeted whole life costs", "total baseline whole life costs", "whole life cost", "wlc_baseline"]),
        (GmppField.WholeLifeCostNarrative, ["departmental narrative on budgeted whole life costs", "whole life cost narrative", "budget_comment"]),
        (GmppField.Benefits, ["total baseline benefits", "benefits (£m"]),
        (GmppField.BenefitsNarrative, ["departmental narrative on budgeted benefits", "benefits narrative"]),
    ];

    // "2013/2014 Budget (£million)", "2014/2015 Variance %age" and the like: the year is in the heading.
    [GeneratedRegex(@"^(?<y1>\d{4})\s*/\s*(?<y2>\d{2,4})\s+(?<what>budget|forecast|variance)\s*(?<pct>%|%age|percentage)?")]
    private static partial Regex YearColumn();

    [GeneratedRegex(@"(?<y1>20\d\d)\s*/\s*(?<y2>\d{2,4})")]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string Normalise(string heading) => Spaces().Replace(heading.Replace('\u00A0', ' '), " ").Trim().ToLowerInvariant();

    public static GmppField? FieldOf(string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return null;
        }

        var text = Normalise(heading);
        if (YearColumn().Match(text) is { Success: true } year)
        {
            return year.Groups["what"].Value switch
            {
                "budget" => GmppField.YearBaseline,
                "forecast" => GmppField.YearForecast,
                _ => year.Groups["pct"].Success ? GmppField.YearVariancePercent : GmppField.YearVarianceAmount,
            };
        }

        // Narratives first: "departmental narrative on budgeted whole life costs" also starts like a cost.
        foreach (var (field, starts) in Known.OrderByDescending(k => k.Field.ToString().EndsWith("Narrative", StringComparison.Ordinal)))
        {
            if (starts.Any(s => text.StartsWith(s, StringComparison.Ordinal) && (text.Length == s.Length || !char.IsLetterOrDigit(text[s.Length]) || s.EndsWith(' '))))
            {
                return field;
            }
        }

        return null;
    }

    // The financial year a heading names ("2013/2014 Budget", "variance for 2023/24"), as "2013/14".
    public static string? FinancialYearOf(string heading)
    {
        var match = AnyYear().Match(Normalise(heading));
        if (!match.Success)
        {
            return null;
        }

        var first = int.Parse(match.Groups["y1"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return $"{first}/{(first + 1) % 100:00}";
    }

    public static string Label(GmppField field) => field switch
    {
        GmppField.Year => "Year",
        GmppField.GmppId => "GMPP ID Number",
        GmppField.Name => "Project Name",
        GmppField.Department => "Department",
        GmppField.Category => "Annual Report Category",
        GmppField.Description => "Description / Aims",
        GmppField.IpaDca => "IPA Delivery Confidence Assessment",
        GmppField.SroDca => "SRO Delivery Confidence Assessment",
        GmppField.DcaCommentary => "Departmental commentary on the IPA rating",
        GmppField.Start => "Project - Start Date",
        GmppField.End => "Project - End Date",
        GmppField.ScheduleNarrative => "Schedule narrative",
        GmppField.YearBaseline => "Financial Year Baseline (£m)",
        GmppField.YearForecast => "Financial Year Forecast (£m)",
        GmppField.YearVarianceAmount => "Financial Year Variance (£m)",
        GmppField.YearVariancePercent => "Financial Year Variance (%)",
        GmppField.VarianceNarrative => "Budget/forecast variance narrative",
        GmppField.WholeLifeCost => "Baseline Whole Life Costs (£m)",
        GmppField.WholeLifeCostNarrative => "Whole life costs narrative",
        GmppField.Benefits => "Baseline Benefits (£m)",
        _ => "Benefits narrative",
    };
}

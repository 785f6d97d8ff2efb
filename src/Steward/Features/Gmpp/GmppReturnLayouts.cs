namespace Steward.Features.Gmpp;

public enum GmppReturnLayout
{
    // 19 columns, the layout of March 2024 data (uk-delivery-facts.md).
    March2024,

    // 16 columns: no SRO DCA and no benefits (March 2021 data).
    March2021,
}

// The columns of each published layout, in order, with their headings as published; the financial year
// (2023/24) goes into the variance narrative's heading.
public static class GmppReturnLayouts
{
    public static IReadOnlyList<(GmppField Field, string Heading)> Columns(GmppReturnLayout layout, string financialYear)
    {
        (GmppField, string)[] all =
        [
            (GmppField.GmppId, "GMPP ID Number"),
            (GmppField.Name, "Project Name"),
            (GmppField.Department, "Department"),
            (GmppField.Category, "Annual Report Category"),
            (GmppField.Description, "Description / Aims"),
            (GmppField.IpaDca, "IPA Delivery Confidence Assessment"),
            (GmppField.SroDca, "SRO Delivery Confidence Assessment"),
            (GmppField.DcaCommentary, "Departmental commentary on actions planned or taken on the IPA RAG rating"),
            (GmppField.Start, "Project - Start Date (Latest Approved Start Date)"),
            (GmppField.End, "Project - End Date (Latest Approved End Date)"),
            (GmppField.ScheduleNarrative, "Departmental narrative on schedule, including any deviation from planned schedule (if necessary)"),
            (GmppField.YearBaseline, "Financial Year Baseline (£m) (including Non-Government Costs)"),
            (GmppField.YearForecast, "Financial Year Forecast (£m) (including Non-Government Costs)"),
            (GmppField.YearVariancePercent, "Financial Year Variance (%)"),
            (GmppField.VarianceNarrative, $"Departmental narrative on budget/forecast variance for {financialYear} (if variance is more than 5%)"),
            (GmppField.WholeLifeCost, "TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)"),
            (GmppField.WholeLifeCostNarrative, "Departmental Narrative on Budgeted Whole Life Costs"),
            (GmppField.Benefits, "TOTAL Baseline Benefits (£m)"),
            (GmppField.BenefitsNarrative, "Departmental Narrative on Budgeted Benefits"),
        ];
        return layout == GmppReturnLayout.March2024 ? all
            : [.. all.Where(c => c.Item1 is not (GmppField.SroDca or GmppField.Benefits or GmppField.BenefitsNarrative))];
    }

    public static GmppReturnLayout Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "2024" or "march-2024" => GmppReturnLayout.March2024,
        "2021" or "march-2021" => GmppReturnLayout.March2021,
        _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("layout", $"'{text}' is not a GMPP layout: choose 2024 (19 columns, the default) or 2021 (16 columns)")]),
    };
}

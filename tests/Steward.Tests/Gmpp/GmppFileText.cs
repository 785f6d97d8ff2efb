namespace Steward.Tests.Gmpp;

// GMPP files as tests write them: the March 2024 layout's headings (uk-delivery-facts.md), and GMPP ids no
// other test uses.
internal static class GmppFileText
{
    public const string Header2024 = "GMPP ID Number,Project Name,Department,Annual Report Category,Description / Aims,IPA Delivery Confidence Assessment,"
        + "SRO Delivery Confidence Assessment,Departmental commentary on actions planned or taken on the IPA RAG rating,Project - Start Date (Latest Approved Start Date),"
        + "Project - End Date (Latest Approved End Date),\"Departmental narrative on schedule, including any deviation from planned schedule (if necessary)\","
        + "Financial Year Baseline (£m) (including Non-Government Costs),Financial Year Forecast (£m) (including Non-Government Costs),Financial Year Variance (%),"
        + "Departmental narrative on budget/forecast variance for 2023/24 (if variance is more than 5%),TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs),"
        + "Departmental Narrative on Budgeted Whole Life Costs,TOTAL Baseline Benefits (£m),Departmental Narrative on Budgeted Benefits\n";

    public static string NewId(string department) => $"{department}_{Random.Shared.Next(1000, 9999)}_{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}_2324-Q1";
}

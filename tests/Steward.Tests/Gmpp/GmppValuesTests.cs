using Steward.Features.Gmpp;
using Steward.Features.Reporting;

namespace Steward.Tests.Gmpp;

// How a published GMPP file's values are read: every form the real files use, and what must not become a number.
public sealed class GmppValuesTests
{
    [Theory]
    [InlineData("450.37", 450.37)]
    [InlineData("£1.90m", 1.90)]
    [InlineData("£6.20", 6.20)]
    [InlineData("-£2.60m", -2.60)]
    [InlineData("£-2.60m", -2.60)]
    [InlineData("£2,013.02", 2013.02)]
    [InlineData(" 112 ", 112)]
    [InlineData("5609.46", 5609.46)]
    public void Money_InEveryPublishedForm_IsReadAsMillions(string text, double expected)
    {
        var reading = GmppValues.Millions(text);
        Assert.Null(reading.Problem);
        Assert.Equal((decimal)expected, reading.Value);
    }

    [Theory]
    [InlineData("£1.2.3m")]
    [InlineData("1,2,3.4")]
    [InlineData("£")]
    public void MalformedMoney_RefusesTheFile(string text)
    {
        var reading = GmppValues.Millions(text);
        Assert.Null(reading.Value);
        Assert.True(reading.Refuses);
        Assert.Contains("is not a sum of money", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PoundsWhereMillionsWereMeant_AreNotTurnedIntoANumber()
    {
        var reading = GmppValues.Millions("£1,250,000,000");
        Assert.Null(reading.Value);
        Assert.False(reading.Refuses);
        Assert.Equal(GmppNoteKind.AsPublished, reading.Kind);
        Assert.Contains("probably in pounds", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)", GmppNoteKind.Withheld)]
    [InlineData("Section 43 - Commercial interests", GmppNoteKind.Withheld)]
    [InlineData("Data exempt under Section 43 (2) of the Freedom of Information Act (2000)", GmppNoteKind.Withheld)]
    [InlineData("Data not provided by department", GmppNoteKind.NotGiven)]
    [InlineData("TBC", GmppNoteKind.NotGiven)]
    [InlineData("#N/A", GmppNoteKind.NotGiven)]
    [InlineData("The project is still at the planning stage and is not yet in a position to provide this information", GmppNoteKind.NotGiven)]
    public void Statements_AreWordsNotNumbers(string text, GmppNoteKind kind)
    {
        var reading = GmppValues.Millions(text);
        Assert.Null(reading.Value);
        Assert.Null(reading.Problem);
        Assert.Equal(kind, reading.Kind);
    }

    [Fact]
    public void ARange_IsKeptAsARange()
    {
        var (mid, low, high) = GmppValues.MillionsRange("Low: 2,750.00, Mid: 2,820.00, High: 3,100.00")!.Value;
        Assert.Equal((2820m, 2750m, 3100m), (mid.Value!.Value, low!.Value, high!.Value));
        Assert.True(GmppValues.MillionsRange("Low: 3,750.00, Mid: 2,820.00, High: 3,100.00")!.Value.Mid.Refuses);
    }

    [Theory]
    [InlineData("Amber ", DcaRating.Amber)]
    [InlineData("Amber/ Red", DcaRating.AmberRed)]
    [InlineData("Amber/red", DcaRating.AmberRed)]
    [InlineData("AMBER/GREEN", DcaRating.AmberGreen)]
    [InlineData(" green", DcaRating.Green)]
    [InlineData("Red", DcaRating.Red)]
    public void Ratings_WithStraySpacesAndCase_AreRead(string text, DcaRating expected) => Assert.Equal(expected, GmppValues.Dca(text).Value);

    [Theory]
    [InlineData("Reset")]
    [InlineData("No DCA")]
    public void ResetAndNoDca_AreNotRatings(string text)
    {
        var reading = GmppValues.Dca(text);
        Assert.Null(reading.Value);
        Assert.Equal(GmppNoteKind.NotGiven, reading.Kind);
    }

    [Fact]
    public void ARatingNoScaleKnows_RefusesTheFile()
    {
        var reading = GmppValues.Dca("Purple");
        Assert.True(reading.Refuses);
        Assert.Contains("'Purple' is not a delivery confidence rating on either scale", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DoH", "DH")]
    [InlineData("DOH", "DH")]
    [InlineData("DH", "DH")]
    [InlineData("DoH Non Capital", "DH")]
    [InlineData("DoH Capital", "DH")]
    [InlineData("MoJ", "MOJ")]
    [InlineData("NS&I", "NS&I")]
    public void DepartmentCodes_WrittenSeveralWays_AreOne(string text, string code) => Assert.Equal((code, null), GmppDepartments.Read(text));

    [Fact]
    public void ADepartmentCellNamingTwoDepartments_GivesNoCode()
    {
        var (code, problem) = GmppDepartments.Read("DEFRA & DFT");
        Assert.Null(code);
        Assert.Contains("names more than one department", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31/05/2010", 2010, 5, 31)]
    [InlineData("2021-03-31", 2021, 3, 31)]
    public void Dates_UkAndIso(string text, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), GmppValues.Date(text).Value);

    [Fact]
    public void AnImpossibleDate_RefusesTheFile() => Assert.True(GmppValues.Date("31/02/2015").Refuses);

    [Theory]
    [InlineData("DFT_0048_2021-Q3", 2020, 10)]
    [InlineData("MOD_0106_1617-Q1", 2016, 4)]
    [InlineData("DECC_0005_1112-Q4", 2012, 1)]
    public void JoinedIsReadFromTheIdsQuarter(string id, int year, int month) => Assert.Equal(new DateOnly(year, month, 1), GmppSnapshotDates.JoinedFrom(id));

    [Theory]
    [InlineData("Project - Start Date\n(Latest approved start date)", GmppField.Start)]
    [InlineData("2013/2014 Budget (£million)", GmppField.YearBaseline)]
    [InlineData("2014/2015 Variance %age", GmppField.YearVariancePercent)]
    [InlineData("2014/2015 Variance (£million)", GmppField.YearVarianceAmount)]
    [InlineData("Departmental narrative on  budget/forecast variance for 2013/14\n(if variance is more than 5%)", GmppField.VarianceNarrative)]
    [InlineData("Departmental narrative on budgeted whole life costs", GmppField.WholeLifeCostNarrative)]
    [InlineData("TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)", GmppField.WholeLifeCost)]
    [InlineData("wlc_baseline_incl_NCG", GmppField.WholeLifeCost)]
    [InlineData("Departmental commentary on actions planned or taken on the MPA RAG rating.", GmppField.DcaCommentary)]
    [InlineData("SRO Delivery Confidence Assessment", GmppField.SroDca)]
    [InlineData("Whole Life Cost (£m, Presented in 2024/25 Real Prices)", GmppField.WholeLifeCost)]
    [InlineData("Project Description", GmppField.Description)]
    public void Headings_OfEveryYear_AreRecognised(string heading, GmppField field) => Assert.Equal(field, GmppHeadings.FieldOf(heading));
}

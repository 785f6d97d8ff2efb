using Steward.Features.Reporting;
using Steward.Features.Units;

namespace Steward.Features.Gmpp;

public sealed record GmppMembershipView(string? GmppId, GmppCategory? Category, string? CategoryLabel, string? Department, DateOnly? Joined, DateOnly? Left, int Version);

// One snapshot date's data of a unit, as published; money in £ millions, each rating on its own scale.
public sealed record GmppSnapshotView(
    DateOnly AsAt, GmppSource Source, string PublishedName, string? Department, string? Category, string? FinancialYear, DcaScale DcaScale,
    DcaRating? IpaDca, DcaRating? SroDca, DateOnly? Start, DateOnly? End, decimal? YearBaseline, decimal? YearForecast, decimal? YearVariancePercent,
    decimal? WholeLifeCost, decimal? WholeLifeCostLow, decimal? WholeLifeCostHigh, decimal? Benefits,
    string? Description, string? DcaCommentary, string? ScheduleNarrative, string? VarianceNarrative, string? WholeLifeCostNarrative, string? BenefitsNarrative,
    IReadOnlyList<GmppFieldNote> Notes)
{
    public GmppFieldNote? NoteOn(GmppField field) => Notes.FirstOrDefault(n => n.Field == field);
}

public sealed record GmppUnitView(UnitRef Unit, GmppMembershipView? Membership, IReadOnlyList<GmppSnapshotView> Snapshots);

// The narratives for the next return: as written in Steward, or (OfferedFrom) the latest published return's
// until someone writes them; and the fields withheld, each with its exemption.
public sealed record GmppNarrativesView(
    string? DcaCommentary, string? ScheduleNarrative, string? VarianceNarrative, string? WholeLifeCostNarrative, string? BenefitsNarrative,
    DateOnly? OfferedFrom, IReadOnlyList<GmppWithheldField> Withheld, int Version);

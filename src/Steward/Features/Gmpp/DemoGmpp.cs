using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Reporting;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Gmpp;

// The demo department's two major projects on the GMPP: Digital Borders (with two years of published
// data, as if imported, and its narratives written) and Immigration Casework Transformation (joined last
// year, nothing published yet), so the GMPP pages, the trend and the return's checks have something to show.
internal static class DemoGmpp
{
    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var entries = demo.Services.GetRequiredService<GmppMembershipService>();
        var db = demo.Services.GetRequiredService<StewardDbContext>();
        var lastMarch = new DateOnly(demo.Today.Month > 3 ? demo.Today.Year : demo.Today.Year - 1, 3, 31);
        await entries.SetAsync("DPP-PRG-001", null, new GmppMembershipInput("HO_0101_2324-Q2", "Government Transformation and Service Delivery", "HO", null, null), ct);
        await entries.SetAsync("DPP-PRG-002", null, new GmppMembershipInput("HO_0117_2526-Q1", "Government Transformation and Service Delivery", "HO", null, null), ct);

        var borders = await db.Units.Where(u => u.Code == "DPP-PRG-001").Select(u => new { u.Id, u.Name, u.BaselineStart, u.BaselineEnd }).FirstAsync(ct);
        foreach (var (asAt, dca, wholeLife, end) in new[] { (lastMarch.AddYears(-1), DcaRating.Green, 51.2m, borders.BaselineEnd!.Value.AddMonths(-6)), (lastMarch, DcaRating.Amber, 54.1m, borders.BaselineEnd!.Value) })
        {
            db.GmppSnapshots.Add(new GmppSnapshot
            {
                Id = Guid.CreateVersion7(), UnitId = borders.Id, AsAt = asAt, Source = GmppSource.Published, PublishedName = borders.Name, PublishedDepartment = "HO",
                PublishedCategory = "Government Transformation and Service Delivery", FinancialYear = $"{asAt.Year - 1}/{asAt.Year % 100:00}", DcaScale = DcaScale.ThreePoint,
                IpaDca = dca, SroDca = dca, Start = borders.BaselineStart, End = end, YearBaseline = 20.5m, YearForecast = 21.9m, YearVariancePercent = 6.83m,
                VarianceNarrative = "The eGates supplier's second release moved into this year.", WholeLifeCost = wholeLife,
                ScheduleNarrative = "Electronic Travel Authorisation is live; eGates replacement follows the supplier's revised plan.",
                FieldNotes = GmppFieldNotes.Write([new GmppFieldNote(GmppField.Benefits, GmppNoteKind.Withheld, GmppExemptions.WordingOf("section-43")!)]),
            });
        }

        await db.SaveChangesAsync(ct);
        var version = await db.GmppMemberships.Where(m => m.UnitId == borders.Id).Select(m => m.Version).FirstAsync(ct);
        await entries.SetNarrativesAsync("DPP-PRG-001", version, new GmppNarrativesInput(
            "The IPA's Gateway 3 review found significant but resolvable issues with the eGates supplier's plan; a recovery plan is with the board.",
            "Electronic Travel Authorisation went live on time. eGates replacement is three months behind its approved date while the supplier re-plans.",
            "Forecast spend this year is above budget because the eGates second release moved forward.",
            "The whole-life cost includes the supplier's recovery plan; non-government costs are nil.",
            null, new Dictionary<string, string> { ["benefits"] = "section-43" }), ct);
    }
}

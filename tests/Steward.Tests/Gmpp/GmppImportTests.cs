using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Gmpp;
using Steward.Features.Reporting;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Gmpp;

// A department's published GMPP files imported through the API and the command line on both databases:
// every real file read in a dry run with every value it could not read reported, then for real; the same
// file again changes nothing; bad files refused whole, naming file, project and field.
public abstract class GmppImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The March 2024 layout, UTF-8 with a BOM as published.
    private const string Header2024 = "\uFEFF" + GmppFileText.Header2024;

    [Fact]
    public async Task EveryPublishedFile_IsReadInADryRun_ThenImported_AndAgainChangesNothing()
    {
        var files = new[] { "gmpp_2014_transposed_rauschgold_uk_2014.csv", "gmpp_2015_transposed_rauschgold_uk_2015.csv", "gmpp_2021_rows_rauschgold_uk_2021.csv" }
            .Select(f => (Name: f, Bytes: File.ReadAllBytes(SharedData.PathTo($"gmpp/{f}")))).ToList();
        var portfolio = await app.CreateUnitAsync(UnitKind.Portfolio);
        var expected = new Dictionary<string, (GmppLayout Layout, DateOnly AsAt, int Projects, string[] Unread)>
        {
            [files[0].Name] = (GmppLayout.Transposed, new DateOnly(2013, 9, 30), 199, []),
            [files[1].Name] = (GmppLayout.Transposed, new DateOnly(2014, 9, 30), 188, ["column BF (E&N Herts NHS Trust - Lister Hospital ('Our Changing Hospitals' Phase 4 Programme)), Financial Year Variance (%): '>1000%' is not a percentage"]),
            [files[2].Name] = (GmppLayout.Rows, new DateOnly(2021, 3, 31), 184, ["row 145 (NO2 Reduction), Department: 'DEFRA & DFT' names more than one department", "row 145 (NO2 Reduction), IPA Delivery Confidence Assessment: 'Legal sensitivity"]),
        };

        foreach (var (name, bytes) in files)
        {
            var dry = await ImportAsync(portfolio.Code, bytes, name, "dryRun=true");
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            var report = await dry.ReadAsync<GmppImportReport>();
            var (layout, asAt, projects, unread) = expected[name];
            Assert.Equal((layout, asAt, DcaScale.FivePoint, projects, false, "Windows-1252"), (report.Layout, report.AsAt, report.DcaScale, report.Projects.Count, report.Written, report.Encoding));
            // Every value that could not be read is listed, and nothing else: each one named by where, project and field.
            Assert.Equal(unread.Length, report.FindingCount);
            foreach (var (finding, text) in report.Findings.Zip(unread))
            {
                Assert.StartsWith(text, $"{finding.Where} ({finding.Project}), {finding.Field}: {finding.Message}", StringComparison.Ordinal);
                Assert.False(finding.Refuses);
            }

            Assert.True(report.ValuesWithheld > 0);
            if (unread.Length > 0)
            {
                // Values kept as text need the person's word.
                var unconfirmed = await ImportAsync(portfolio.Code, bytes, name);
                Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
                Assert.Contains("could not be read", (await unconfirmed.FieldErrorsAsync("confirm"))[0], StringComparison.Ordinal);
                // And each value to confirm is named where it is.
                var unreadFirst = report.Findings[0];
                Assert.Equal(unreadFirst.Message, (await unconfirmed.FieldErrorsAsync($"{unreadFirst.Where} ({unreadFirst.Project}), {unreadFirst.Field}"))[0]);
            }

            var run = await ImportAsync(portfolio.Code, bytes, name, "confirm=true");
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            var written = await run.ReadAsync<GmppImportReport>();
            Assert.True(written.Written);
            Assert.Equal(projects, written.Added);
        }

        // Each file again: every project found, nothing changed.
        foreach (var (name, bytes) in files)
        {
            var again = await (await ImportAsync(portfolio.Code, bytes, name, "confirm=true")).ReadAsync<GmppImportReport>();
            Assert.Equal((expected[name].Projects, 0, 0, 0), (again.Unchanged, again.Added, again.Changed, again.NewUnits));
            Assert.All(again.Projects, p => Assert.NotEqual(GmppMatch.UnitName, p.Match));
        }

        // A project across the years: read as each year's file gave it.
        var crick = await GmppOfAsync("The Francis Crick Institute (formerly UKCMRI)");
        var first = crick.Snapshots[0];
        Assert.Equal((new DateOnly(2013, 9, 30), DcaRating.AmberGreen, new DateOnly(2006, 10, 1), new DateOnly(2017, 12, 21), 112m, 753m, "2013/14"),
            (first.AsAt, first.IpaDca, first.Start, first.End, first.YearBaseline, first.WholeLifeCost, first.FinancialYear));
        var shared = await GmppOfAsync("BIS Shared Services");
        var of2014 = shared.Snapshots.Single(s => s.AsAt == new DateOnly(2014, 9, 30));
        Assert.Equal((1.90m, 26.19m), (of2014.YearBaseline, of2014.WholeLifeCost));
        // Every digit as published, on both databases.
        Assert.Equal(297.3503299m, (await GmppOfAsync("NME Programme For IT")).Snapshots[0].YearBaseline);

        // A withheld value is its exemption's wording, never a number.
        var withheld = await GmppOfAsync("Smart Metering Implementation Programme");
        var latest = withheld.Snapshots[^1];
        Assert.Equal((new DateOnly(2021, 3, 31), "DECC_0010_1112-Q1", new DateOnly(2011, 4, 1)), (latest.AsAt, withheld.Membership!.GmppId, withheld.Membership.Joined!.Value));
        Assert.Equal("BEIS", withheld.Membership.Department);
        // The newest file says which department returns a project now: St Helena Airport moved from DfID to FCDO.
        var airport = await GmppOfAsync("St Helena Airport");
        Assert.Equal(("DfID", "FCDO", 3), (airport.Snapshots[0].Department, airport.Membership!.Department, airport.Snapshots.Count));
        Assert.Equal(GmppCategory.InfrastructureAndConstruction, withheld.Membership.Category);
        var exempt = (await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<Steward.Data.StewardDbContext>().GmppSnapshots
            .Where(s => s.FieldNotes != null && s.FieldNotes.Contains("Section 43")).Select(s => s.FieldNotes).First())));
        var note = GmppFieldNotes.Read(exempt).First(n => n.Text.Contains("Section 43", StringComparison.Ordinal));
        Assert.Equal(GmppNoteKind.Withheld, note.Kind);

        // The command line reads the same files: a dry run says all is unchanged.
        var cli = await Steward.Tests.Cli.StewardProcess.RunAsync("gmpp", "import", "--under", portfolio.Code, "--dry-run", "--file", SharedData.PathTo($"gmpp/{files[2].Name}"), "--database", app.ConnectionString);
        Assert.True(cli.ExitCode == 0, cli.Error + cli.Output);
        Assert.Contains("184 matched by GMPP id", cli.Output, StringComparison.Ordinal);
        Assert.Contains("184 unchanged", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Kept as published: row 145 (NO2 Reduction), Department", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMarch2024Layout_IsImported_WithItsThreePointScale_AndAUnitMatchedByNameNeedsConfirming()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        var existing = await app.CreateUnitAsync(UnitKind.Project, programme.Id, name: $"Border Systems {Guid.NewGuid():N}");
        var (a, b) = (GmppFileText.NewId("DFT"), GmppFileText.NewId("HO"));
        var csv = Header2024
            + $"{a},Road Upgrade {a},DfT,Infrastructure and Construction,Widening,Amber,Green,Commentary,01/04/2020,31/03/2030,On schedule,120.5,130.25,8.1%,Land costs rose,\"Low: 2,750.00, Mid: 2,820.00, High: 3,100.00\",Range while options are open,£450.00m,Cash-releasing\n"
            + $"{b},{existing.Name},Home Office,ICT,Systems,Red,Amber,Commentary,2021-01-01,2026-12-31,Late,\"Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)\",10,0%,None,500,WLC,,\n"
            // A note under the table is not a project.
            + ",,,,,,,,,,,,,,,,,,\nSource: Infrastructure and Projects Authority\n";
        var dry = await (await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(csv), "march-2024.csv", "dryRun=true")).ReadAsync<GmppImportReport>();
        Assert.Equal((new DateOnly(2024, 3, 31), DcaScale.ThreePoint, "2023/24", (string?)null, 0), (dry.AsAt, dry.DcaScale, dry.FinancialYear, dry.Encoding, dry.FindingCount));
        Assert.Equal([GmppMatch.New, GmppMatch.UnitName], dry.Projects.Select(p => p.Match));
        Assert.Equal(existing.Code, dry.Projects[1].UnitCode);

        var unconfirmed = await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(csv), "march-2024.csv");
        Assert.Contains("matched to a unit by its name", (await unconfirmed.FieldErrorsAsync("confirm"))[0], StringComparison.Ordinal);
        Assert.Equal($"Matched by its name to {existing.Code}: confirm it is the same project", (await unconfirmed.FieldErrorsAsync($"row 3 ({existing.Name}), Project Name"))[0]);
        Assert.Empty((await GmppOfAsync(existing.Code, byCode: true)).Snapshots);

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(csv), "march-2024.csv", "confirm=true")).StatusCode);
        var road = await GmppOfAsync($"Road Upgrade {a}");
        var s = road.Snapshots.Single();
        Assert.Equal((DcaRating.Amber, DcaRating.Green, 120.5m, 130.25m, 8.1m, 2820m, 2750m, 3100m, 450m),
            (s.IpaDca!.Value, s.SroDca!.Value, s.YearBaseline!.Value, s.YearForecast!.Value, s.YearVariancePercent!.Value, s.WholeLifeCost!.Value, s.WholeLifeCostLow!.Value, s.WholeLifeCostHigh!.Value, s.Benefits!.Value));
        Assert.Equal((a, "DFT", new DateOnly(2019, 1, 1) <= road.Membership!.Joined), (road.Membership.GmppId, road.Membership.Department, true));
        var matched = await GmppOfAsync(existing.Code, byCode: true);
        Assert.Equal(b, matched.Membership!.GmppId);
        Assert.Equal(GmppNoteKind.Withheld, matched.Snapshots.Single().NoteOn(GmppField.YearBaseline)!.Kind);
        Assert.StartsWith("Exempt under Section 43", matched.Snapshots.Single().NoteOn(GmppField.YearBaseline)!.Text, StringComparison.Ordinal);
        Assert.Null(matched.Snapshots.Single().YearBaseline);
    }

    [Fact]
    public async Task BadFiles_AreRefusedWhole_NamingTheFileProjectAndField()
    {
        var portfolio = await app.CreateUnitAsync(UnitKind.Portfolio);
        async Task<JsonElement> RefusedAsync(string csv, string name)
        {
            var response = await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(csv), name, "confirm=true");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("errors");
        }

        // A file sent as the body but labelled a URL-encoded form (curl's default) is read as the file, not parsed as a form.
        var labelled = await app.Api().PostFileAsync($"/api/v1/units/{portfolio.Code}/gmpp/import?dryRun=true", Encoding.UTF8.GetBytes(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts")), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);

        var notGmpp = await RefusedAsync("Benefit,Owner,Value\nShorter queues,Ola,12\n", "benefits.csv");
        Assert.Contains("benefits.csv: This is not a GMPP file", notGmpp.GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var id = GmppFileText.NewId("MOJ");
        var twice = await RefusedAsync(Header2024 + Row(id, "Prisons One") + Row(id, "Prisons Two"), "twice.csv");
        Assert.Contains("This GMPP id is also given to row 3 (Prisons Two)", Error(twice, "row 2 (Prisons One), GMPP ID Number"), StringComparison.Ordinal);

        var money = await RefusedAsync(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts", baseline: "£1.2.3m"), "money.csv");
        Assert.Contains("'£1.2.3m' is not a sum of money", Error(money, "row 2 (Courts), Financial Year Baseline (£m)"), StringComparison.Ordinal);

        var dates = await RefusedAsync(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts", start: "01/04/2025", end: "31/03/2024"), "dates.csv");
        Assert.Contains("The end date 31/03/2024 is before the start date 01/04/2025", Error(dates, "row 2 (Courts), Project - End Date"), StringComparison.Ordinal);

        var purple = await RefusedAsync(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts", dca: "Purple"), "dca.csv");
        Assert.Contains("'Purple' is not a delivery confidence rating on either scale", Error(purple, "row 2 (Courts), IPA Delivery Confidence Assessment"), StringComparison.Ordinal);
        var fivePoint = await RefusedAsync(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts", dca: "Amber/Green"), "scale.csv");
        Assert.Contains("Amber/Green is not on the three-point", Error(fivePoint, "row 2 (Courts), IPA Delivery Confidence Assessment"), StringComparison.Ordinal);

        var joint = await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(Header2024 + Row(GmppFileText.NewId("DEFRA"), "Clean Air", department: "DEFRA & DFT")), "joint.csv");
        Assert.Equal(HttpStatusCode.BadRequest, joint.StatusCode);
        Assert.Contains("1 value could not be read", (await joint.FieldErrorsAsync("confirm"))[0], StringComparison.Ordinal);

        var noDate = await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(Header2024.Replace(" for 2023/24", string.Empty, StringComparison.Ordinal) + Row(GmppFileText.NewId("MOJ"), "Courts")), "undated.csv");
        Assert.Contains("does not say the date its data stands at", (await noDate.FieldErrorsAsync("asAt"))[0], StringComparison.Ordinal);
        var badDate = await ImportAsync(portfolio.Code, Encoding.UTF8.GetBytes(Header2024 + Row(GmppFileText.NewId("MOJ"), "Courts")), "x.csv", "asAt=2024-06-30");
        Assert.Contains("is not a GMPP snapshot date", (await badDate.FieldErrorsAsync("asAt"))[0], StringComparison.Ordinal);

        // Nothing was written by any of them.
        var below = await (await app.Api().GetAsync($"/api/v1/units?parent={portfolio.Code}", Ct)).ReadJsonAsync();
        Assert.Equal(0, below.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AnImport_GivesNothingAwayAboutUnitsThePersonMayNotSee()
    {
        var (_, hiddenProgramme, _) = await app.CreateTreeAsync();
        var mine = await app.CreateUnitAsync(UnitKind.Portfolio);
        var id = GmppFileText.NewId("HO");
        var held = await app.CreateUnitAsync(UnitKind.Project, hiddenProgramme.Id, name: $"Hidden {id}");
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{held.Code}/gmpp", new { gmppId = id }, null)).StatusCode);
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.PmoManager, mine.Code)));

        var byId = await manager.PostFileAsync($"/api/v1/units/{mine.Code}/gmpp/import?dryRun=true", Encoding.UTF8.GetBytes(Header2024 + Row(id, "Anything")), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, byId.StatusCode);
        var text = await byId.Content.ReadAsStringAsync(Ct);
        Assert.Contains("This GMPP id belongs to a unit you may not see", text, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Code, text, StringComparison.Ordinal);

        // A name only a hidden unit has is a new project here.
        var named = await manager.PostFileAsync($"/api/v1/units/{mine.Code}/gmpp/import?dryRun=true", Encoding.UTF8.GetBytes(Header2024 + Row(GmppFileText.NewId("HO"), held.Name)), "text/csv");
        Assert.True(named.StatusCode == HttpStatusCode.OK, await named.Content.ReadAsStringAsync(Ct));
        var byName = await named.ReadAsync<GmppImportReport>();
        Assert.Equal((GmppMatch.New, (string?)null), (byName.Projects.Single().Match, byName.Projects.Single().UnitCode));
    }

    [Fact]
    public async Task TheGmppEntry_IsSetWithItsVersion_AndAnIdBelongsToOneUnit()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var id = GmppFileText.NewId("DFT");
        var set = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp", new { gmppId = id.ToLowerInvariant(), category = "Infrastructure and Construction", department = "DfT", joined = "2020-10-01" }, null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var etag = set.Headers.ETag!.Tag;
        var view = await set.ReadAsync<GmppUnitView>();
        Assert.Equal((id, GmppCategory.InfrastructureAndConstruction, "DFT", new DateOnly(2020, 10, 1)), (view.Membership!.GmppId, view.Membership.Category!.Value, view.Membership.Department, view.Membership.Joined!.Value));

        Assert.Equal((HttpStatusCode)428, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp", new { gmppId = id }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp", new { gmppId = id }, "\"99\"")).StatusCode);
        var left = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp", new { gmppId = id, joined = "2020-10-01", left = "2019-01-01" }, etag);
        Assert.Contains("must be the same as or after the date it joined", (await left.FieldErrorsAsync("left"))[0], StringComparison.Ordinal);

        var taken = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/gmpp", new { gmppId = id, category = "Space" }, null);
        Assert.Contains($"{id} is already the GMPP id of {project.Code}", (await taken.FieldErrorsAsync("gmppId"))[0], StringComparison.Ordinal);
        Assert.Contains("Choose an annual report category", (await taken.FieldErrorsAsync("category"))[0], StringComparison.Ordinal);
        var joint = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/gmpp", new { department = "DEFRA & DFT" }, null);
        Assert.Contains("names more than one department", (await joint.FieldErrorsAsync("department"))[0], StringComparison.Ordinal);

        var get = await app.Api().GetAsync($"/api/v1/units/{project.Code}/gmpp", Ct);
        Assert.Equal(etag, get.Headers.ETag!.Tag);
    }

    private static string Row(string id, string name, string department = "MoJ", string dca = "Amber", string start = "01/04/2020", string end = "31/03/2030", string baseline = "10.00") =>
        $"{id},{name},{department},Government Transformation and Service Delivery,Aims,{dca},{dca},Commentary,{start},{end},Schedule,{baseline},10.00,0%,None,100,WLC,,\n";

    private static string Error(JsonElement errors, string key) =>
        errors.TryGetProperty(key, out var found) ? string.Join(" | ", found.EnumerateArray().Select(e => e.GetString())) : $"(no errors at '{key}': {errors})";

    private Task<HttpResponseMessage> ImportAsync(string under, byte[] bytes, string name, string query = "") =>
        app.Api().PostFileAsync($"/api/v1/units/{under}/gmpp/import?fileName={Uri.EscapeDataString(name)}&{query}", bytes, "text/csv");

    private async Task<GmppUnitView> GmppOfAsync(string nameOrCode, bool byCode = false)
    {
        var code = byCode ? nameOrCode : await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<Steward.Data.StewardDbContext>().Units.Where(u => u.Name == nameOrCode).Select(u => u.Code).Single()));
        var response = await app.Api().GetAsync($"/api/v1/units/{code}/gmpp", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<GmppUnitView>();
    }
}

public sealed class GmppImportOnSqlite(SqliteApp app) : GmppImportTests<SqliteApp>(app);

public sealed class GmppImportOnPostgres(PostgresApp app) : GmppImportTests<PostgresApp>(app);

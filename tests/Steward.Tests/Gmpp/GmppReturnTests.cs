using System.Net;
using System.Text;
using Steward.Features.Gmpp;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Gmpp;

// The GMPP return produced from Steward on both databases: filled from its own data where it has it, from
// the published data of the date where not; checked before anything is produced; exported, imported into
// an empty Steward and exported again, the same file.
public abstract class GmppReturnTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    [Fact]
    public async Task AReturn_ExportedAndImportedIntoAnEmptySteward_ExportsTheSameFile()
    {
        var portfolio = await app.CreateUnitAsync(UnitKind.Portfolio);
        var (a, b) = (GmppFileText.NewId("DFT"), GmppFileText.NewId("MOD"));
        var csv = GmppFileText.Header2024
            + $"{a},Rail {a},DfT,Infrastructure and Construction,\"Electrify the line, and more\",Amber,Green,Commentary,01/04/2020,31/03/2030,On schedule,120.5,130.25,8.09%,Land costs rose,\"Low: 2,750.00, Mid: 2,820.00, High: 3,100.00\",Range while options are open,450.1234567,Cash-releasing\n"
            + $"{b},Frigates {b},MOD,Military Capability,Ships,Exempt under Section 26 of the Freedom of Information Act 2000 (Defence),Red,None,2021-01-01,2031-12-31,Late,-2.6,-2.6,0%,None,\"Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)\",WLC,,\n";
        Assert.Equal(HttpStatusCode.OK, (await app.Api().PostFileAsync($"/api/v1/units/{portfolio.Code}/gmpp/import?confirm=true", Encoding.UTF8.GetBytes(csv), "text/csv")).StatusCode);

        var json = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/gmpp/return?asAt=2024-03-31", Ct)).ReadAsync<GmppReturn>();
        Assert.Empty(json.Problems);
        Assert.Equal(19, json.Headings.Count);
        Assert.Equal("Departmental narrative on budget/forecast variance for 2023/24 (if variance is more than 5%)", json.Headings[14]);
        var first = await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/gmpp/return?asAt=2024-03-31&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var exported = await first.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, exported[..3]);
        var text = Encoding.UTF8.GetString(exported);
        Assert.Contains("Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)", text, StringComparison.Ordinal);
        Assert.Contains("Low: 2,750.00, Mid: 2,820.00, High: 3,100.00", text, StringComparison.Ordinal);
        Assert.Contains("450.1234567", text, StringComparison.Ordinal);

        // The workbook holds the same return: read back in a dry run, every project is found by its GMPP id (the
        // one written as "DfT" now reads "DFT", the department's code, so its snapshot would change).
        var workbook = await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/gmpp/return?asAt=2024-03-31&format=xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        var back = await (await app.Api().PostFileAsync($"/api/v1/units/{portfolio.Code}/gmpp/import?dryRun=true&asAt=2024-03-31", await workbook.Content.ReadAsByteArrayAsync(Ct))).ReadAsync<GmppImportReport>();
        Assert.Equal((0, 0, 0), (back.FindingCount, back.Added, back.NewUnits));
        Assert.All(back.Projects, p => Assert.Equal(GmppMatch.GmppId, p.Match));

        // Into an empty Steward (a new SQLite database, through the command line), then out again.
        var empty = Path.Combine(Path.GetTempPath(), $"gmpp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(empty);
        try
        {
            var database = $"Data Source={Path.Combine(empty, "empty.db")}";
            var file = Path.Combine(empty, "return.csv");
            await File.WriteAllBytesAsync(file, exported, Ct);
            await RunAsync("units", "create", "--code", "DEPT", "--name", "Department", "--kind", "portfolio", "--database", database);
            var imported = await RunAsync("gmpp", "import", "--under", "DEPT", "--file", file, "--confirm", "--database", database);
            Assert.Contains("2 snapshots added", imported, StringComparison.Ordinal);
            var again = Path.Combine(empty, "again.csv");
            await RunAsync("gmpp", "export", "--unit", "DEPT", "--as-at", "2024-03-31", "--out", again, "--database", database);
            Assert.Equal(text, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(again, Ct)));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task TheReturn_IsCheckedFirst_AndUsesStewardsOwnData_NarrativesAndExemptions()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var id = GmppFileText.NewId("HO");
        var csv = GmppFileText.Header2024 + $"{id},{project.Name},HO,ICT,Aims,Amber,Amber,Commentary,01/04/2020,31/03/2030,Schedule,10,12,20%,,500,WLC,,\n";
        Assert.Equal(HttpStatusCode.OK, (await app.Api().PostFileAsync($"/api/v1/units/{portfolio.Code}/gmpp/import?confirm=true", Encoding.UTF8.GetBytes(csv), "text/csv")).StatusCode);
        var address = $"/api/v1/units/{programme.Code}/gmpp/return?asAt=2024-03-31";

        // A variance of 20% needs its narrative; the file is refused until it has one.
        var built = await (await app.Api().GetAsync(address, Ct)).ReadAsync<GmppReturn>();
        Assert.Equal([$"{project.Code}: The variance is 20%, beyond 5% either way: a narrative is required"], built.Problems.Select(p => $"{p.Unit}: {p.Message}"));
        var refused = await app.Api().GetAsync(address + "&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("beyond 5%", (await refused.FieldErrorsAsync($"{project.Code}, Departmental narrative on budget/forecast variance for 2023/24 (if variance is more than 5%)"))[0], StringComparison.Ordinal);

        // The narratives on offer are the published ones until written; a bad exemption is refused by its field.
        var narratives = await app.Api().GetAsync($"/api/v1/units/{project.Code}/gmpp/narratives", Ct);
        var offered = await narratives.ReadAsync<GmppNarrativesView>();
        Assert.Equal(("Schedule", new DateOnly(2024, 3, 31)), (offered.ScheduleNarrative, offered.OfferedFrom!.Value));
        var etag = narratives.Headers.ETag!.Tag;
        var bad = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp/narratives", new { varianceNarrative = "x", withheld = new Dictionary<string, string> { ["whole-life-cost"] = "section-99", ["name"] = "section-43" } }, etag);
        Assert.Contains("Choose the exemption", (await bad.FieldErrorsAsync("withheld[whole-life-cost]"))[0], StringComparison.Ordinal);
        Assert.Contains("is not a field of the return that may be withheld", (await bad.FieldErrorsAsync("withheld[name]"))[0], StringComparison.Ordinal);
        var saved = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/gmpp/narratives",
            new { scheduleNarrative = "Replanned after the pilot", varianceNarrative = "Two releases moved into this year", withheld = new Dictionary<string, string> { ["whole-life-cost"] = "section-43" } }, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Steward's own IPA assessment wins over the published one; a field withheld is its exemption's wording.
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/independent-dca", new { assessedOn = "2024-02-01", source = "ipa", rating = "red" })).StatusCode);
        built = await (await app.Api().GetAsync(address, Ct)).ReadAsync<GmppReturn>();
        Assert.Empty(built.Problems);
        var row = built.Rows.Single().Cells.Select(c => c?.ToString()).ToList();
        Assert.Equal(("Red", "Replanned after the pilot", "Two releases moved into this year", "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)", "20%"),
            (row[5], row[10], row[14], row[15], row[13]));

        // The whole department's return holds it too.
        var department = await (await app.Api().GetAsync("/api/v1/gmpp/return?asAt=2024-03-31", Ct)).ReadAsync<GmppReturn>();
        Assert.Equal("department", department.Scope.Code);
        Assert.Contains(department.Rows, r => r.Unit.Code == project.Code);

        // At a date with no reports and nothing published: which units, and what is missing.
        var empty = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/gmpp/return?asAt=2025-09-30", Ct)).ReadAsync<GmppReturn>();
        Assert.Contains(empty.Problems, p => p.Unit == project.Code && p.Message.StartsWith("No status report of record for a period ending on or before 30 September 2025", StringComparison.Ordinal));
        Assert.Contains(empty.Problems, p => p.Unit == project.Code && p.Column.StartsWith("Financial Year Baseline", StringComparison.Ordinal));
        Assert.Contains("is not a GMPP snapshot date", (await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/gmpp/return?asAt=2025-06-30", Ct)).FieldErrorsAsync("asAt"))[0], StringComparison.Ordinal);
        Assert.Contains("is not a GMPP layout", (await (await app.Api().GetAsync(address + "&layout=1999", Ct)).FieldErrorsAsync("layout"))[0], StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        var run = await Steward.Tests.Cli.StewardProcess.RunAsync(args);
        Assert.True(run.ExitCode == 0, $"steward {string.Join(' ', args)}: {run.Error}{run.Output}");
        return run.Output;
    }
}

public sealed class GmppReturnOnSqlite(SqliteApp app) : GmppReturnTests<SqliteApp>(app);

public sealed class GmppReturnOnPostgres(PostgresApp app) : GmppReturnTests<PostgresApp>(app);

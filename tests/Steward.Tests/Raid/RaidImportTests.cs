using Steward.Infrastructure.Spreadsheets;
using System.Net;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class RaidImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRealTemplate_FilledIn_Imports_WithItsHeadingsOnRow4AndItsSpelling()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var author = await app.CreatePersonAsync($"Jane Austen {Guid.NewGuid():N}");
        var owner = await app.CreatePersonAsync();
        var file = RaidTemplate.FillRiskRegister(
            new Dictionary<string, object>
            {
                ["B"] = author.Name, ["C"] = "25/11/2026", ["D"] = "Supplier may fail to deliver the data platform on time",
                ["E"] = "Commercial", ["F"] = "31/03/2027", ["G"] = 4, ["H"] = "High", ["L"] = "Open",
            },
            new Dictionary<string, object> { ["B"] = author.Name, ["D"] = "Legacy data is poorer than assumed", ["G"] = "Very High 5", ["H"] = 3, ["L"] = "Closed" });

        var dry = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import?dryRun=true&defaultOwner={owner.Email}", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = await dry.ReadAsync<ImportReport>();
        Assert.Equal("Risk Register", preview.Sheet);
        Assert.Equal(4, preview.HeadingRow);
        Assert.Equal(2, preview.RowsRead);
        Assert.Equal(0, preview.Imported);
        Assert.Contains(preview.Columns, c => c.Heading == "Probability" && c.Field == RiskImportKind.Likelihood);
        Assert.Contains(preview.Columns, c => c.Heading == "Mitigation in Place" && c.Field is null);
        Assert.Empty(await RisksAsync(project.Code));

        var imported = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import?defaultOwner={owner.Email}", file, "application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.ReadAsync<ImportReport>()).Imported);

        var risks = await RisksAsync(project.Code);
        Assert.Equal(2, risks.Count);
        var first = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risks.Single(r => r.GetProperty("score").GetInt32() == 16).GetProperty("reference").GetString()}", Ct)).ReadAsync<RiskView>();
        Assert.Equal("Supplier may fail to deliver the data platform on time", first.Title);
        Assert.Equal(author.Id, first.RaisedBy!.Id);
        Assert.Equal(new DateOnly(2026, 11, 25), first.RaisedOn);
        Assert.Equal(new DateOnly(2027, 3, 31), first.ProximityDate);
        Assert.Equal(owner.Id, first.Owner.Id);
        Assert.Equal(RiskStatus.Closed, risks.Single(r => r.GetProperty("score").GetInt32() == 15).GetProperty("status").Deserialize<RiskStatus>(StewardApp.Json));
    }

    [Fact]
    public async Task AWindows1252Csv_IsDetected_NotGarbled()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1252).GetBytes($"Title,Owner email,Likelihood,Impact\r\nCafé supplier’s contract – renewal,{owner.Email},2,3\r\n");
        var response = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import", csv, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Windows-1252", (await response.ReadAsync<ImportReport>()).Encoding);
        Assert.Equal("Café supplier’s contract – renewal", Assert.Single(await RisksAsync(project.Code)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AHundredThousandRowsWithThreeBad_ReportsAllThree_AndImportsNone()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var csv = new StringBuilder("Title,Owner email,Likelihood,Impact,Next review\n");
        for (var row = 2; row <= 100_001; row++)
        {
            csv.Append(row switch
            {
                500 => $"Bad likelihood,{owner.Email},6,3,\n",
                50_000 => $"Bad review,{owner.Email},2,3,01/01/1900\n",
                99_999 => $"=HYPERLINK(\"http://evil.example\"),{owner.Email},2,3,\n",
                _ => $"Risk {row},{owner.Email},2,3,\n",
            });
        }

        var response = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import", Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Likelihood must be from 1 to 5, not 6", await response.FieldErrorsAsync("row 500, Likelihood"));
        Assert.Contains("Next review date must be between 2000 and 2200, not 1 January 1900", await response.FieldErrorsAsync("row 50000, Next review"));
        Assert.Contains("formula", (await response.FieldErrorsAsync("row 99999, Title"))[0], StringComparison.Ordinal);
        var report = (await response.ReadJsonAsync()).GetProperty("report");
        Assert.Equal(100_000, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(3, report.GetProperty("problems").GetArrayLength());
        Assert.Empty(await RisksAsync(project.Code));
    }

    [Fact]
    public async Task ASmallWorkbookExpandingToMillionsOfRows_Is400_NamingTheLimit_AndNothingIsWritten()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var response = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import?dryRun=true", HostileImports.HostileFiles.WorkbookOfRows(2_000_000), "application/octet-stream");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 100,000 rows", (await response.FieldErrorsAsync("file"))[0], StringComparison.Ordinal);
        Assert.Empty(await RisksAsync(project.Code));
    }

    [Fact]
    public async Task AFileOfManyBadRows_ListsTheFirstThousandProblems_AndCountsThemAll()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var csv = new StringBuilder("Title,Owner email,Likelihood,Impact\n");
        for (var row = 0; row < 1_500; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Risk {row},{owner.Email},9,3\n");
        }

        var response = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import", Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("1500 problems, the first 1000 listed; nothing was imported.", problem.GetProperty("detail").GetString());
        Assert.Equal(1_500, problem.GetProperty("report").GetProperty("problemCount").GetInt32());
        Assert.Equal(1_000, problem.GetProperty("report").GetProperty("problems").GetArrayLength());
        Assert.Empty(await RisksAsync(project.Code));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "The file is not a spreadsheet")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "Excel 97-2003 (.xls)")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "could not be read")]
    public async Task AFileThatIsNotASpreadsheet_IsRefusedNamingTheFile(byte[] content, string message)
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var response = await PostFileAsync($"/api/v1/units/{project.Code}/risks/import", content, "application/octet-stream");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.FieldErrorsAsync("file"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExport_ImportsBackIntoAnotherUnit_FieldForField()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var (_, _, other) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Round Trip {Guid.NewGuid():N}");
        var raised = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", new
        {
            title = "=Looks like a formula", ownerId = owner.Id, likelihood = 3, impact = 5, cause = "Cause text", @event = "Event text", effect = "Effect text",
            category = "Technical", inherentLikelihood = 4, inherentImpact = 5, targetLikelihood = 1, targetImpact = 5, response = "reduce",
            nextReviewDate = "2027-02-01", proximityDate = "2027-06-30",
        });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var original = await raised.ReadAsync<RiskView>();
        var export = await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/export", Ct);
        var imported = await PostFileAsync($"/api/v1/units/{other.Code}/risks/import?map[Unit]=-", await export.Content.ReadAsByteArrayAsync(Ct), "application/octet-stream");
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));

        var copy = await (await app.Api().GetAsync($"/api/v1/units/{other.Code}/risks/{Assert.Single(await RisksAsync(other.Code)).GetProperty("reference").GetString()}", Ct)).ReadAsync<RiskView>();
        Assert.Equal(original with { Id = copy.Id, Reference = copy.Reference, Unit = copy.Unit, RaisedOn = copy.RaisedOn, CreatedAt = copy.CreatedAt, UpdatedAt = copy.UpdatedAt }, copy);
    }

    [Fact]
    public async Task TheCommandLine_Imports_AndListsProblemsByRowAndColumn()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var good = Path.Combine(Path.GetTempPath(), $"risks-{Guid.NewGuid():N}.csv");
        var bad = Path.Combine(Path.GetTempPath(), $"risks-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(good, $"Risk title,Probability,Impact\nServer room floods,2,5\nKey person leaves,3,3\n", Ct);
            await File.WriteAllTextAsync(bad, $"Risk title,Probability,Impact\nServer room floods,7,5\n", Ct);
            var run = await StewardProcess.RunAsync("raid", "import", "--unit", project.Code, "--file", good, "--default-owner", owner.Email, "--database", app.ConnectionString);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Imported 2 risks.", run.Output, StringComparison.Ordinal);

            var refused = await StewardProcess.RunAsync("raid", "import", "--unit", project.Code, "--file", bad, "--default-owner", owner.Email, "--database", app.ConnectionString);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("row 2, Probability: Likelihood must be from 1 to 5, not 7", refused.Error, StringComparison.Ordinal);
            Assert.Equal(2, (await RisksAsync(project.Code)).Count);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    // Imports write their rows in bulk (COPY on PostgreSQL): each row still gets its "created" event, and
    // the history chain still verifies.
    [Fact]
    public async Task ImportedRows_EachHaveTheirCreatedEvent_AndTheChainStillVerifies()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risks = Encoding.UTF8.GetBytes($"Title,Owner email,Likelihood,Impact\nBulk one,{owner.Email},2,3\nBulk two,{owner.Email},4,4\n");
        var issues = Encoding.UTF8.GetBytes($"Title,Owner email,Priority\nBulk issue,{owner.Email},high\n");
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync($"/api/v1/units/{project.Code}/risks/import", risks, "text/csv")).StatusCode);
        var issueImport = await PostFileAsync($"/api/v1/units/{project.Code}/issues/import", issues, "text/csv");
        Assert.True(issueImport.StatusCode == HttpStatusCode.OK, await issueImport.Content.ReadAsStringAsync(Ct));

        var bulk = await RisksAsync(project.Code);
        Assert.Equal(2, bulk.Count);
        foreach (var imported in bulk)
        {
            var history = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{imported.GetProperty("reference").GetString()}/history", Ct)).ReadJsonAsync();
            var created = Assert.Single(history.GetProperty("items").EnumerateArray());
            Assert.Equal("created", created.GetProperty("action").GetString());
            Assert.Equal(1, created.GetProperty("version").GetInt32());
        }

        var issue = Assert.Single((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues", Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("high", issue.GetProperty("priority").GetString());
        var issueHistory = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{issue.GetProperty("reference").GetString()}/history", Ct)).ReadJsonAsync();
        Assert.Equal("created", Assert.Single(issueHistory.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
        var verify = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    // The process is killed while it writes: the one transaction means not a single row is left behind,
    // and the database takes the next import as if nothing had happened.
    [Fact]
    public async Task AnImportKilledWhileWriting_LeavesNothingHalfImported()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var file = Path.Combine(Path.GetTempPath(), $"risks-{Guid.NewGuid():N}.csv");
        var csv = new StringBuilder("Title,Owner email,Likelihood,Impact\n");
        for (var row = 1; row <= 40_000; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Risk {row},{owner.Email},2,3\n");
        }

        await File.WriteAllTextAsync(file, csv.ToString(), Ct);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "steward.dll"), "raid", "import", "--unit", project.Code, "--file", file, "--database", app.ConnectionString })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Remove("STEWARD_DATABASE");
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync(Ct);
            var writing = false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Contains("Writing 40,000 risks in one transaction", StringComparison.Ordinal))
                {
                    writing = true;
                    break;
                }
            }

            Assert.True(writing, "the import never started writing");
            await Task.Delay(300, Ct);
            Assert.False(process.HasExited, "the import finished before it could be interrupted; make the file larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);

            Assert.Empty(await RisksAsync(project.Code));
            await File.WriteAllTextAsync(file, $"Title,Owner email,Likelihood,Impact\nAfter the crash,{owner.Email},1,1\n", Ct);
            var again = await StewardProcess.RunAsync("raid", "import", "--unit", project.Code, "--file", file, "--database", app.ConnectionString);
            Assert.Equal(0, again.ExitCode);
            Assert.Single(await RisksAsync(project.Code));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<HttpResponseMessage> PostFileAsync(string url, byte[] content, string contentType) => app.Api().PostFileAsync(url, content, contentType);

    private async Task<List<JsonElement>> RisksAsync(string unitCode) =>
        (await (await app.Api().GetAsync($"/api/v1/units/{unitCode}/risks?status=all&limit=500", Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
}

public sealed class RaidImportOnSqlite(SqliteApp app) : RaidImportTests<SqliteApp>(app);

public sealed class RaidImportOnPostgres(PostgresApp app) : RaidImportTests<PostgresApp>(app);

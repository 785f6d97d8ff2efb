using System.Net;
using MiniExcelLibs;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class RaidExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Excel in much of Europe splits CSV lines on ';' itself: every field is quoted, and text that would
    // start a formula after a separator (or with a full-width ＝) is guarded, and imports back as it was.
    [Fact]
    public async Task CsvExports_QuoteEveryField_AndGuardFormulasAfterSeparators()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var (_, _, other) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Guard {Guid.NewGuid():N}");
        string[] titles = ["Supplier delay;=WEBSERVICE(\"http://evil.example\")", "\uFF1DSUM(A1:A9)", "Plain, harmless title"];
        foreach (var title in titles)
        {
            await app.CreateRiskAsync(project.Code, owner.Id, 2, 2, title);
        }

        var csv = (await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/export?format=csv&sort=reference", Ct)).Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches("^\"([^\"]|\"\")*\"(,\"([^\"]|\"\")*\")*$", line));
        Assert.Contains("\"'Supplier delay;=WEBSERVICE(\"\"http://evil.example\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'\uFF1DSUM(A1:A9)\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Plain, harmless title\"", csv, StringComparison.Ordinal);

        var back = await app.Api().PostFileAsync($"/api/v1/units/{other.Code}/risks/import?map[Unit]=-", System.Text.Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.True(back.StatusCode == HttpStatusCode.OK, await back.Content.ReadAsStringAsync(Ct));
        var imported = (await (await app.Api().GetAsync($"/api/v1/units/{other.Code}/risks?status=all&limit=500", Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString()).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal), imported.Order(StringComparer.Ordinal));
    }

    // Issue 26, item 10: the download carries what is being done about each risk.
    [Fact]
    public async Task TheRiskRegisterDownload_ListsEachRisksMitigationActions()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Mitigator {Guid.NewGuid():N}");
        var mitigated = await app.CreateRiskAsync(project.Code, owner.Id, 3, 4, "Supplier may be late");
        await app.CreateRiskAsync(project.Code, owner.Id, 2, 2, "Nothing done about this yet");
        var action = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Agree a recovery plan with the supplier", ownerId = owner.Id, dueOn = "2027-01-12", risk = mitigated.Reference });
        Assert.True(action.StatusCode == HttpStatusCode.Created, await action.Content.ReadAsStringAsync(Ct));
        var actionReference = (await action.ReadJsonAsync()).GetProperty("reference").GetString()!;

        var csv = (await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/export?format=csv&sort=reference", Ct)).Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"Mitigation actions\"", lines[0], StringComparison.Ordinal);
        var withAction = Assert.Single(lines, l => l.Contains("Supplier may be late", StringComparison.Ordinal));
        Assert.Contains($"\"{actionReference} Agree a recovery plan with the supplier ({owner.Name}, due 12 January 2027, open)\"", withAction, StringComparison.Ordinal);
        Assert.DoesNotContain("ACT-", Assert.Single(lines, l => l.Contains("Nothing done about this yet", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRiskRegister_ExportsAsCsvAndXlsx_WithTheFilter_AndFormulasNeutralised()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync("Ada Lovelace");
        await app.CreateRiskAsync(project.Code, owner.Id, 5, 5, "=HYPERLINK(\"http://evil.example\",\"Click\")");
        await app.CreateRiskAsync(programme.Code, owner.Id, 1, 2, "Minor slippage");

        var csv = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risks/export?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{programme.Code}-risks-", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Reference\",\"Unit\",\"Unit name\",\"Title\",\"Type\",", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("Minor slippage", lines[2], StringComparison.Ordinal);

        var filtered = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risks/export?format=csv&minScore=20", Ct);
        Assert.Equal(2, (await filtered.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risks/export", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"Click\")", rows[0]["Title"]);
        Assert.Equal("Ada Lovelace", rows[0]["Owner"]);
        Assert.Equal(25d, Convert.ToDouble(rows[0]["Score"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(project.Code, rows[0]["Unit"]);

        var bad = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risks/export?format=pdf", Ct);
        Assert.Contains("format must be xlsx or csv, not pdf", await bad.FieldErrorsAsync("format"));
    }

    [Fact]
    public async Task TheCommandLine_ChangesTickedRisksInBulk_AllOrNone()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var first = await app.CreateRiskAsync(project.Code, owner.Id);
        var second = await app.CreateRiskAsync(programme.Code, owner.Id);
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var reviewed = await StewardProcess.RunAsync("raid", "bulk", "--unit", programme.Code, "--action", "review", "--reference", $"{first.Reference},{second.Reference}", "--date", next, "--database", app.ConnectionString);
        Assert.True(reviewed.ExitCode == 0, reviewed.Error);
        Assert.Contains($"Changed 2 risks: {first.Reference}, {second.Reference}.", reviewed.Output, StringComparison.Ordinal);

        var noReason = await StewardProcess.RunAsync("raid", "bulk", "--unit", programme.Code, "--action", "close", "--reference", first.Reference, "--database", app.ConnectionString);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("steward: --reason: ", noReason.Error, StringComparison.Ordinal);
        var past = await StewardProcess.RunAsync("raid", "bulk", "--unit", programme.Code, "--action", "review", "--reference", first.Reference, "--date", "2020-01-01", "--database", app.ConnectionString);
        Assert.Contains("steward: --date: The next review date must be in the future", past.Error, StringComparison.Ordinal);

        var closed = await StewardProcess.RunAsync("raid", "bulk", "--unit", programme.Code, "--action", "close", "--reference", first.Reference, "--reference", second.Reference,
            "--reason", "Agreed at the RAID review", "--database", app.ConnectionString);
        Assert.True(closed.ExitCode == 0, closed.Error);
        var risk = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{first.Reference}", Ct)).ReadAsync<Steward.Features.Raid.RiskView>();
        Assert.Equal((Steward.Features.Raid.RiskStatus.Closed, "Agreed at the RAID review", next), (risk.Status, risk.StatusReason, risk.NextReviewDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TheCommandLine_ExportsIssues_WithAProgressBar()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateIssueAsync(project.Code, owner.Id, Steward.Features.Raid.IssuePriority.Critical);
        var output = Path.Combine(Path.GetTempPath(), $"issues-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await StewardProcess.RunAsync("raid", "export", "--unit", portfolio.Code, "--type", "issues", "--output", output, "--database", app.ConnectionString);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains($"Wrote 1 issues of {portfolio.Code} and below to {output}.", run.Output, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(output, Ct);
            Assert.Equal(2, lines.Length);
            Assert.Contains("Critical", lines[1], StringComparison.Ordinal);

            var wrong = await StewardProcess.RunAsync("raid", "export", "--unit", portfolio.Code, "--type", "dragons", "--output", output, "--database", app.ConnectionString);
            Assert.Equal(2, wrong.ExitCode);
            Assert.Contains("steward: --type: must be risks, issues, assumptions or dependencies", wrong.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task DependenciesAndAssumptions_ExportUnderTheListsFilters()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync("Ada Lovelace");
        var dependency = await app.CreateDependencyAsync(project.Code, owner.Id);
        var assumption = await app.CreateAssumptionAsync(project.Code, owner.Id);

        var dependencies = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/dependencies/export?format=csv", Ct);
        var lines = (await dependencies.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Reference\",\"Unit\",\"Unit name\",\"What is needed\",", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"\"{dependency.Reference}\",\"{project.Code}\"", lines[1], StringComparison.Ordinal);
        var late = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/dependencies/export?format=csv&late=true", Ct);
        Assert.Single((await late.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var assumptions = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/assumptions/export", Ct);
        Assert.Contains($"{programme.Code}-assumptions-", assumptions.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        await using var stream = new MemoryStream(await assumptions.Content.ReadAsByteArrayAsync(Ct));
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(assumption.Reference, row["Reference"]);
        Assert.Equal("Ada Lovelace", row["Owner"]);
    }
}

public sealed class RaidExportOnSqlite(SqliteApp app) : RaidExportTests<SqliteApp>(app);

public sealed class RaidExportOnPostgres(PostgresApp app) : RaidExportTests<PostgresApp>(app);

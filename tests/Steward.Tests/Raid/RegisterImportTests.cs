using Steward.Infrastructure.Spreadsheets;
using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issues, assumptions and dependencies import as risks do (RaidImportTests covers the shared engine in
// depth): the template's issue log, a round trip through an export, and every bad row reported.
public abstract class RegisterImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRealTemplatesIssueRegister_FilledIn_ImportsIssues()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Issue Owner {Guid.NewGuid():N}");
        var file = RaidTemplate.FillIssueRegister(
            new Dictionary<string, object>
            {
                ["A"] = 1, ["B"] = "Work in Progress", ["C"] = "Issue", ["D"] = "High", ["E"] = "Migration scripts fail on legacy records\nSeen in the second trial load",
                ["F"] = owner.Name, ["G"] = "31/01/2027", ["I"] = "Cut-over slips a week", ["L"] = "20/11/2026",
            },
            new Dictionary<string, object> { ["A"] = 2, ["B"] = "Duplicate", ["D"] = "Low", ["E"] = "Same as 1", ["F"] = owner.Email });

        var dry = await PostFileAsync($"/api/v1/units/{project.Code}/issues/import?dryRun=true", file);
        Assert.True(dry.StatusCode == HttpStatusCode.OK, await dry.Content.ReadAsStringAsync(Ct));
        var report = await dry.ReadAsync<ImportReport>();
        Assert.Equal(("Issue Register", 4, 2), (report.Sheet, report.HeadingRow, report.RowsRead));
        Assert.Contains(report.Columns, c => c.Heading == "Assigned to Owner" && c.Field == RaidImportKind.Owner);
        Assert.Contains(report.Columns, c => c.Heading == "Expected Resolution Date" && c.Field == IssueImportKind.TargetResolution);
        Assert.Contains(report.Columns, c => c.Heading == "Final Resolution and Rational" && c.Field == IssueImportKind.Resolution);
        Assert.Equal(["Migration scripts fail on legacy records", "High", "Open", "31 January 2027"], report.Preview[0]);

        var imported = await PostFileAsync($"/api/v1/units/{project.Code}/issues/import", file);
        Assert.Equal(2, (await imported.ReadAsync<ImportReport>()).Imported);
        var issues = await ListAsync(project.Code, "issues?status=all");
        var open = Assert.Single(issues, i => i.GetProperty("status").GetString() == "open");
        Assert.Equal(("high", "2027-01-31"), (open.GetProperty("priority").GetString(), open.GetProperty("targetResolutionDate").GetString()));
        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{open.GetProperty("reference").GetString()}", Ct)).ReadAsync<IssueView>();
        Assert.Equal(("Cut-over slips a week", new DateOnly(2026, 11, 20), owner.Id), (view.Impact, view.RaisedOn, view.Owner.Id));
        var duplicate = Assert.Single(issues, i => i.GetProperty("status").GetString() == "closed");
        var closed = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{duplicate.GetProperty("reference").GetString()}", Ct)).ReadAsync<IssueView>();
        Assert.Equal("Closed as a duplicate", closed.Resolution);
    }

    [Fact]
    public async Task AssumptionsAndDependencies_ExportedAsCsv_ImportIntoAnotherUnit()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var (_, _, other) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Round Trip {Guid.NewGuid():N}");
        var supplierSide = await app.CreatePersonAsync($"Provider Side {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/assumptions", new
        {
            statement = "+Suppliers keep their current prices", ownerId = owner.Id, impactIfWrong = "Budget overrun", validationDue = "2027-03-01",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/dependencies", new
        {
            title = "Test environment", ownerId = owner.Id, neededBy = "2027-02-01", providerUnit = programme.Code, committedDate = "2027-02-15",
            providerOwnerId = supplierSide.Id, description = "Shared test rig", status = "at-risk",
        })).StatusCode);

        foreach (var register in new[] { "assumptions", "dependencies" })
        {
            var export = await app.Api().GetAsync($"/api/v1/units/{project.Code}/{register}/export?format=csv&status=all", Ct);
            var imported = await PostFileAsync($"/api/v1/units/{other.Code}/{register}/import?map[Unit]=-", await export.Content.ReadAsByteArrayAsync(Ct));
            Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        }

        var assumption = Assert.Single(await ListAsync(other.Code, "assumptions?status=all"));
        var copy = await (await app.Api().GetAsync($"/api/v1/units/{other.Code}/assumptions/{assumption.GetProperty("reference").GetString()}", Ct)).ReadAsync<AssumptionView>();
        Assert.Equal(("+Suppliers keep their current prices", "Budget overrun", new DateOnly(2027, 3, 1), owner.Id, AssumptionStatus.Unvalidated),
            (copy.Statement, copy.ImpactIfWrong, copy.ValidationDue, copy.Owner.Id, copy.Status));

        var dependency = Assert.Single(await ListAsync(other.Code, "dependencies?direction=needs&status=all"));
        var needed = await (await app.Api().GetAsync($"/api/v1/units/{other.Code}/dependencies/{dependency.GetProperty("reference").GetString()}", Ct)).ReadAsync<DependencyView>();
        Assert.Equal(("Test environment", "Shared test rig", programme.Code, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 15), DependencyStatus.AtRisk),
            (needed.Title, needed.Description, needed.ProviderUnit?.Code, needed.NeededBy, needed.CommittedDate, needed.Status));
        Assert.Equal((owner.Id, supplierSide.Id), (needed.Owner.Id, needed.ProviderOwner?.Id));
    }

    [Fact]
    public async Task EveryBadRow_IsReportedByRowAndColumn_AndNothingIsWritten()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var csv = new StringBuilder("What is needed,From unit,From party outside Steward,Needed by,Status,Owner email\n")
            .Append($"Good row,{programme.Code},,2027-01-01,Agreed,{owner.Email}\n")
            .Append($"Itself,{project.Code},,2027-01-01,,{owner.Email}\n")
            .Append($"Both sides,{programme.Code},Acme Ltd,2027-01-01,,{owner.Email}\n")
            .Append($"Nowhere,NOPE-404,,2027-01-01,,{owner.Email}\n")
            .Append($"Odd status,,Acme Ltd,2027-01-01,Maybe,{owner.Email}\n")
            .Append($"Long ago,,Acme Ltd,1900-01-01,,{owner.Email}\n")
            .Append("Nobody's,,Acme Ltd,2027-01-01,,\n");
        var response = await PostFileAsync($"/api/v1/units/{project.Code}/dependencies/import", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("cannot depend on itself", errors.GetProperty("row 3, From unit")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not both", errors.GetProperty("row 4, From unit")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("No unit has the code NOPE-404", errors.GetProperty("row 5, From unit")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'Maybe' is not a status", errors.GetProperty("row 6, Status")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("row 7, Needed by", out _), errors.ToString());
        Assert.Contains("Choose who owns", errors.GetProperty("row 8, Owner email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(6, errors.EnumerateObject().Count());
        Assert.Empty(await ListAsync(project.Code, "dependencies?status=all"));

        var issues = await PostFileAsync($"/api/v1/units/{project.Code}/issues/import",
            Encoding.UTF8.GetBytes($"Title,Priority,Owner email\nFine,Low,{owner.Email}\nVague,Urgentish,{owner.Email}\nNo owner,High,nobody@example.invalid\n"));
        var issueErrors = (await issues.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("is not a priority", issueErrors.GetProperty("row 3, Priority")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("No person in Steward", issueErrors.GetProperty("row 4, Owner email")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(project.Code, "issues?status=all"));
    }

    [Fact]
    public async Task TheCommandLine_ImportsAssumptions_AndRefusesAnUnknownType()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var file = Path.Combine(Path.GetTempPath(), $"assumptions-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"Assumption,Owner email,Validate by,Status\nThe site is ready by March,{owner.Email},01/03/2027,Validated\n", Ct);
        try
        {
            var run = await StewardProcess.RunAsync("raid", "import", "--type", "assumptions", "--unit", project.Code, "--file", file, "--database", app.ConnectionString);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Imported 1 assumptions.", run.Output, StringComparison.Ordinal);
            var imported = Assert.Single(await ListAsync(project.Code, "assumptions?status=all"));
            Assert.Equal("validated", imported.GetProperty("status").GetString());

            var refused = await StewardProcess.RunAsync("raid", "import", "--type", "actions", "--unit", project.Code, "--file", file, "--database", app.ConnectionString);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("steward: --type: must be one of risks, issues, assumptions, dependencies", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<HttpResponseMessage> PostFileAsync(string url, byte[] content) => app.Api().PostFileAsync(url, content);

    private async Task<List<JsonElement>> ListAsync(string unitCode, string query) =>
        (await (await app.Api().GetAsync($"/api/v1/units/{unitCode}/{query}&limit=500", Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
}

public sealed class RegisterImportOnSqlite(SqliteApp app) : RegisterImportTests<SqliteApp>(app);

public sealed class RegisterImportOnPostgres(PostgresApp app) : RegisterImportTests<PostgresApp>(app);

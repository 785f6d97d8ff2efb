using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class AssumptionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAssumptionProvedWrong_RaisesTheIssueOrRiskItNowIs()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var raised = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/assumptions", new
        {
            statement = "The supplier's API will be accredited by April", ownerId = owner.Id, impactIfWrong = "Go-live slips", validationDue = "2020-01-31",
        });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var assumption = await raised.ReadAsync<AssumptionView>();
        Assert.Matches("^A-[0-9]{4,}$", assumption.Reference);
        Assert.True(assumption.ValidationOverdue);
        var overdue = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/assumptions?overdue=true", Ct)).ReadJsonAsync();
        Assert.Single(overdue.GetProperty("items").EnumerateArray());

        var url = $"/api/v1/units/{project.Code}/assumptions/{assumption.Reference}";
        var badChoice = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/invalidate", new { raise = "dragon", reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Contains("raise must be issue, risk or nothing", await badChoice.FieldErrorsAsync("raise"));

        var invalid = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/invalidate", new { raise = "issue", reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var marked = await invalid.ReadAsync<AssumptionView>();
        Assert.Equal(AssumptionStatus.Invalid, marked.Status);
        Assert.Matches("^I-[0-9]{4,}$", marked.FollowUp);
        var issue = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{marked.FollowUp}", Ct)).ReadAsync<IssueView>();
        Assert.StartsWith($"Assumption {assumption.Reference} proved wrong", issue.Title, StringComparison.Ordinal);
        Assert.Equal("Go-live slips", issue.Impact);

        var again = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/validate", new { reason = "Checked at the RAID review" }, $"\"{marked.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var second = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var asRisk = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/assumptions/{second.Reference}/invalidate", new { raise = "risk", reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Matches("^R-[0-9]{4,}$", (await asRisk.ReadAsync<AssumptionView>()).FollowUp);

        var third = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var holds = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/assumptions/{third.Reference}/validate", new { reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(AssumptionStatus.Validated, (await holds.ReadAsync<AssumptionView>()).Status);
        Assert.Empty((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/assumptions", Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnEmptyStatement_AndAValidationDateIn1900_AreRefused()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/assumptions", new { statement = " ", ownerId = owner.Id, validationDue = "1900-05-01" });
        Assert.Contains("Say what is being assumed", await response.FieldErrorsAsync("statement"));
        Assert.Contains("Validation due date must be between 2000 and 2200, not 1 May 1900", await response.FieldErrorsAsync("validationDue"));
    }
}

public sealed class AssumptionOnSqlite(SqliteApp app) : AssumptionTests<SqliteApp>(app);

public sealed class AssumptionOnPostgres(PostgresApp app) : AssumptionTests<PostgresApp>(app);

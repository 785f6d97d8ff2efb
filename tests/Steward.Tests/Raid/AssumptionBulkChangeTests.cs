using System.Globalization;
using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 item 10 for assumptions: ticked assumptions are reassigned, given a date to validate them by, or
// marked valid with one reason, all or none; one already validated stops the lot and is named.
public abstract class AssumptionBulkChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TickedAssumptions_AreRescheduledAndValidated_AllOrNone()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var first = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var second = await app.CreateAssumptionAsync(programme.Code, owner.Id);
        var url = $"/api/v1/units/{programme.Code}/assumptions/bulk";
        var references = new[] { first.Reference, second.Reference };

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var rescheduled = await app.Api().PostJsonAsync(url, new { references, action = "due", validationDue = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, rescheduled.StatusCode);
        Assert.Equal(due, (await GetAsync(project.Code, first.Reference)).ValidationDue);

        var one = await app.Api().PostJsonAsync(url, new { references = new[] { first.Reference }, action = "validate", reason = "Supplier confirmed in writing" });
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var refused = await app.Api().PostJsonAsync(url, new { references, action = "validate", reason = "Checked at the review" });
        Assert.Equal([$"{first.Reference} is already validated."], await refused.FieldErrorsAsync("references"));
        Assert.Equal(AssumptionStatus.Unvalidated, (await GetAsync(programme.Code, second.Reference)).Status);
        Assert.Contains("action must be reassign, due or validate", await (await app.Api().PostJsonAsync(url, new { references, action = "close" })).FieldErrorsAsync("action"));
    }

    [Fact]
    public async Task TheAssumptionsTab_OffersTheBulkForm()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var assumption = await app.CreateAssumptionAsync(project.Code, owner.Id);

        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/raid?type=assumptions");

        Assert.NotNull(page.QuerySelector($"input[name='Bulk.References'][value='{assumption.Reference}'][form=bulk]"));
        Assert.Equal("Mark the ticked assumptions as valid", page.QuerySelector("form#bulk button[value=validate]")!.TextContent.Trim());
        Assert.Null((await app.Browser().GetPageAsync($"/units/{programme.Code}/raid?type=assumptions&status=validated")).QuerySelector("form#bulk"));
    }

    private async Task<AssumptionView> GetAsync(string unit, string reference) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unit}/assumptions/{reference}", Ct)).ReadAsync<AssumptionView>();
}

public sealed class AssumptionBulkChangeOnSqlite(SqliteApp app) : AssumptionBulkChangeTests<SqliteApp>(app);

public sealed class AssumptionBulkChangeOnPostgres(PostgresApp app) : AssumptionBulkChangeTests<PostgresApp>(app);

using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26, item 10: a RAID review is recorded on its own (what it found and the next review date) without
// editing the rest of the risk, and the risk keeps a log of its reviews.
public abstract class RiskReviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task AReview_MovesTheNextReviewDate_LogsTheComment_AndChangesNothingElse()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var before = await RaiseAsync(project.Code, owner.Id);
        var next = Today.AddDays(14);

        var reviewed = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{before.Reference}/reviews",
            new { comment = "Supplier confirmed the new date; mitigation working.", nextReviewDate = next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"\"{before.Version}\"");
        Assert.True(reviewed.StatusCode == HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync(Ct));
        var after = await reviewed.ReadAsync<RiskView>();

        Assert.Equal(next, after.NextReviewDate);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before with { NextReviewDate = next, Version = after.Version, UpdatedAt = after.UpdatedAt }, after);
        var log = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{before.Reference}/reviews", Ct)).ReadAsync<List<RiskReviewView>>();
        var entry = Assert.Single(log);
        Assert.Equal("Supplier confirmed the new date; mitigation working.", entry.Comment);
        Assert.Equal(Today, entry.ReviewedOn);
        Assert.Equal(next, entry.NextReviewDate);
    }

    [Fact]
    public async Task AReviewWithoutAComment_OrWithANextDateNotInTheFuture_IsRefused_NamingEachField_AndNothingIsWritten()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await RaiseAsync(project.Code, owner.Id);

        var refused = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/reviews",
            new { comment = "  ", nextReviewDate = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"\"{risk.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty(await refused.FieldErrorsAsync("comment"));
        Assert.NotEmpty(await refused.FieldErrorsAsync("nextReviewDate"));

        var stale = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/reviews",
            new { comment = "Looked at it", nextReviewDate = Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"\"{risk.Version + 5}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        Assert.Empty(await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}/reviews", Ct)).ReadAsync<List<RiskReviewView>>());
        Assert.Equal(risk.Version, (await app.Api().GetUnitRiskAsync(project.Code, risk.Reference)).Version);
    }

    [Fact]
    public async Task AClosedRisk_IsNotReviewed()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await RaiseAsync(project.Code, owner.Id);
        var closed = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/close", new { reason = "Checked at the RAID review" }, $"\"{risk.Version}\"")).ReadAsync<RiskView>();

        var refused = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/reviews",
            new { comment = "Looked at it", nextReviewDate = Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"\"{closed.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task OnTheRisksPage_AReviewIsRecordedFromItsOwnForm_AndListed()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await RaiseAsync(project.Code, owner.Id);
        var url = $"/units/{project.Code}/risks/{risk.Reference}";
        var next = Today.AddDays(21);

        var blank = await app.Browser().SubmitFormAsync(url, new Dictionary<string, string?> { ["Review.Comment"] = "" }, "form[action*='handler=Review']");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var errors = (await blank.ReadHtmlAsync()).ErrorSummary();
        Assert.Contains("Enter what the review found", errors);
        Assert.Contains("Enter the next review date", errors);

        var halfDated = await app.Browser().SubmitFormAsync(url, new Dictionary<string, string?> { ["Review.Comment"] = "", ["Review.NextReviewDate.Day"] = "3" }, "form[action*='handler=Review']");
        Assert.Equal(HttpStatusCode.BadRequest, halfDated.StatusCode);
        var both = (await halfDated.ReadHtmlAsync()).ErrorSummary();
        Assert.Contains("Enter what the review found", both);
        Assert.Contains("Next review date must include a month and year", both);

        var recorded = await app.Browser().SubmitFormAsync(url, new Dictionary<string, string?>
        {
            ["Review.Comment"] = "Still amber; chase the supplier.",
            ["Review.NextReviewDate.Day"] = next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Review.NextReviewDate.Month"] = next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Review.NextReviewDate.Year"] = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='handler=Review']");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var page = await app.Browser().GetPageAsync(url);
        Assert.Contains("Still amber; chase the supplier.", page.QuerySelector("#reviews + table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Steward.Infrastructure.UkFormat.Date(next), page.SummaryValue("Next review"), StringComparison.Ordinal);
    }

    private async Task<RiskView> RaiseAsync(string unit, Guid ownerId)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/risks", new
        {
            title = "Supplier late", ownerId, likelihood = 3, impact = 4, cause = "One supplier", category = "commercial",
            nextReviewDate = Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<RiskView>();
    }
}

internal static class RiskReads
{
    public static async Task<RiskView> GetUnitRiskAsync(this HttpClient api, string unit, string reference) =>
        await (await api.GetAsync($"/api/v1/units/{unit}/risks/{reference}", TestContext.Current.CancellationToken)).ReadAsync<RiskView>();
}

public sealed class RiskReviewOnSqlite(SqliteApp app) : RiskReviewTests<SqliteApp>(app);

public sealed class RiskReviewOnPostgres(PostgresApp app) : RiskReviewTests<PostgresApp>(app);

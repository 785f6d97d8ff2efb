using System.Net;
using Steward.Features.Benefits;
using Steward.Features.Benefits.Map;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Benefits;

// The benefits map through the API on both databases: objectives at a portfolio, business changes,
// links placed left to right, loops and wrong-way links refused with nothing written.
public abstract class BenefitMapApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMapIsBuilt_PlacedFromEnablersToObjectives_AndLoopsAreRefused()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var api = app.Api();
        var objective = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{portfolio.Code}/strategic-objectives", new MapRecordInput("A secure border", null), null)).ReadAsync<MapRecordView>();
        Assert.StartsWith("SO-", objective.Reference, StringComparison.Ordinal);
        var notHere = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/strategic-objectives", new MapRecordInput("Somewhere else", null), null);
        Assert.Contains("held at a portfolio", (await notHere.FieldErrorsAsync("unit")).Single(), StringComparison.Ordinal);

        var change = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/business-changes", new MapRecordInput("Officers work from one record", null), null)).ReadAsync<MapRecordView>();
        var change2 = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/business-changes", new MapRecordInput("Fewer manual checks", null), null)).ReadAsync<MapRecordView>();
        var end = await RecordBenefitAsync(project.Code, "Shorter queues");
        var intermediate = await RecordBenefitAsync(project.Code, "Faster checks");

        async Task<HttpResponseMessage> LinkAsync(string unit, string from, string to) =>
            await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unit}/benefit-map/links", new MapLinkInput(from, to), null);

        foreach (var (from, to) in new[] { (project.Code, change.Reference), (change.Reference, change2.Reference), (change2.Reference, intermediate), (intermediate, end), (end, objective.Reference) })
        {
            var linked = await LinkAsync(programme.Code, from, to);
            Assert.True(linked.StatusCode == HttpStatusCode.Created, await linked.Content.ReadAsStringAsync(Ct));
        }

        // Back round to the start, or the wrong way, or twice: refused, naming the field and why.
        Assert.Contains("would make a loop", (await (await LinkAsync(programme.Code, end, intermediate)).FieldErrorsAsync("to")).Single(), StringComparison.Ordinal);
        Assert.Contains("would make a loop", (await (await LinkAsync(programme.Code, change2.Reference, change.Reference)).FieldErrorsAsync("to")).Single(), StringComparison.Ordinal);
        Assert.Contains("cannot contribute to", (await (await LinkAsync(programme.Code, objective.Reference, end)).FieldErrorsAsync("to")).Single(), StringComparison.Ordinal);
        Assert.Contains("already contributes", (await (await LinkAsync(programme.Code, end, objective.Reference)).FieldErrorsAsync("to")).Single(), StringComparison.Ordinal);
        Assert.Contains("There is nothing called 'B-99999'", (await (await LinkAsync(programme.Code, "B-99999", objective.Reference)).FieldErrorsAsync("from")).Single(), StringComparison.Ordinal);
        var other = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Programme, portfolio.Id);
        Assert.Contains("is not part of", (await (await LinkAsync(other.Code, end, objective.Reference)).FieldErrorsAsync("from")).Single(), StringComparison.Ordinal);

        var map = await (await api.GetAsync($"/api/v1/units/{programme.Code}/benefit-map", Ct)).ReadAsync<BenefitMapView>();
        Assert.Equal(5, map.Links.Count);
        var column = map.Nodes.ToDictionary(n => n.Key, n => n.Column);
        Assert.Equal([0, 1, 2, 3, 4, 5], new[] { project.Code, change.Reference, change2.Reference, intermediate, end, objective.Reference }.Select(k => column[k]));
        // The objective is the portfolio's, drawn on the programme's map because its benefits serve it.
        Assert.Equal(portfolio.Code, map.Nodes.Single(n => n.Key == objective.Reference).UnitCode);

        var removed = await api.DeleteAsync($"/api/v1/units/{programme.Code}/benefit-map/links/{map.Links.First(l => l.From == intermediate).Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LinkAsync(programme.Code, end, intermediate)).StatusCode);
    }

    private async Task<string> RecordBenefitAsync(string unit, string title)
    {
        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unit}/benefits", new BenefitInput(
            title, null, null, null, "non-cash-releasing", "quantitative", "direct-public-sector", false, null, null, null, null, null, null, null, null, null, null, null, null), null);
        return (await created.ReadAsync<BenefitView>()).Reference;
    }
}

public sealed class BenefitMapApiOnSqlite(SqliteApp app) : BenefitMapApiTests<SqliteApp>(app);

public sealed class BenefitMapApiOnPostgres(PostgresApp app) : BenefitMapApiTests<PostgresApp>(app);

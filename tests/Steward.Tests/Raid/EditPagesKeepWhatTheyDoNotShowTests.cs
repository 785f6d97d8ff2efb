using System.Net;
using System.Text.Json;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Saving an edit page after changing one field changes that field and nothing else: not the fields the
// page does not show (who raised a risk), not the ones it shows as they were.
public abstract class EditPagesKeepWhatTheyDoNotShowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditingARisksLikelihood_KeepsWhoRaisedItAndEverythingElse()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var raiser = await app.CreatePersonAsync();
        var created = await (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", new
        {
            title = "Supplier capacity", ownerId = owner.Id, raisedById = raiser.Id, raisedOn = "2026-10-01", likelihood = 2, impact = 3, cause = "Cause", @event = "Event",
            effect = "Effect", category = "Commercial", inherentLikelihood = 4, inherentImpact = 4, targetLikelihood = 1, targetImpact = 2, response = "reduce",
            nextReviewDate = "2027-02-01", proximityDate = "2027-06-30",
        })).ReadJsonAsync();
        var url = $"/api/v1/units/{project.Code}/risks/{created.GetProperty("reference").GetString()}";

        var changed = await app.ChangedByEditPageAsync(url, $"/units/{project.Code}/risks/{created.GetProperty("reference").GetString()}/edit", "Input.Likelihood", "3");

        Assert.Equal(["current.likelihood", "current.score", "updatedAt", "version"], changed.Where(p => !p.StartsWith("current.rating", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARiskRaisedInTheBrowser_RecordsWhoRaisedIt()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var email = await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.Contributor, project.Code);
        var session = await app.SignInAsync(email);

        var raised = await app.Browser(session).SubmitFormAsync($"/units/{project.Code}/risks/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Raised in the browser", ["Input.OwnerId"] = owner.Id.ToString(), ["Input.Likelihood"] = "2", ["Input.Impact"] = "2", ["Input.IsOpportunity"] = "False",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        var risk = await (await app.Api().GetAsync($"/api/v1{raised.Headers.Location!.OriginalString}", Ct)).ReadJsonAsync();
        Assert.Equal(email, risk.GetProperty("raisedBy").GetProperty("email").GetString());
    }

    [Fact]
    public async Task EditingAnIssuesTitle_ChangesNothingElse()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var created = await (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/issues", new
        {
            title = "Data centre power", ownerId = owner.Id, priority = "high", description = "Description", impact = "Impact", raisedOn = "2026-10-01",
            targetResolutionDate = "2027-01-31", resolution = "Resolution so far",
        })).ReadJsonAsync();
        var reference = created.GetProperty("reference").GetString();

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/issues/{reference}", $"/units/{project.Code}/issues/{reference}/edit", "Input.Title", "Data centre power supply");

        Assert.Equal(["title", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task EditingADependencysTitle_ChangesNothingElse()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var providerOwner = await app.CreatePersonAsync();
        var created = await (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/dependencies", new
        {
            title = "Identity service", ownerId = owner.Id, neededBy = "2027-03-01", providerUnit = programme.Code, description = "Description",
            committedDate = "2027-02-15", providerOwnerId = providerOwner.Id,
        })).ReadJsonAsync();
        var reference = created.GetProperty("reference").GetString();

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/dependencies/{reference}", $"/units/{project.Code}/dependencies/{reference}", "Input.Title", "Identity service v2");

        Assert.Equal(["title", "updatedAt", "version"], changed);
    }
}

public sealed class EditPagesKeepWhatTheyDoNotShowOnSqlite(SqliteApp app) : EditPagesKeepWhatTheyDoNotShowTests<SqliteApp>(app);

public sealed class EditPagesKeepWhatTheyDoNotShowOnPostgres(PostgresApp app) : EditPagesKeepWhatTheyDoNotShowTests<PostgresApp>(app);

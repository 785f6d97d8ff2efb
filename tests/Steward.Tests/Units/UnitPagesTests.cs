using System.Net;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

public abstract class UnitPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task Home_ShowsTheTreeWithCountsPerLevel()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync("/");

        Assert.Equal("Portfolio – Steward", page.Title);
        var counts = page.QuerySelectorAll(".steward-count-card").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(3, counts.Count);
        Assert.Contains("portfolio", counts[0], StringComparison.Ordinal);
        var portfolioItem = page.QuerySelectorAll(".steward-tree__item").First(li => li.QuerySelector("a")!.TextContent == portfolio.Name);
        Assert.Contains("1 programme, 1 project", portfolioItem.QuerySelector(".steward-tree__counts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(portfolioItem.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == programme.Name));
        Assert.NotNull(portfolioItem.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == $"/units/{project.Code}"));
    }

    [Fact]
    public async Task UnitPage_ShowsSummaryChildrenAndBreadcrumbs()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}");

        Assert.Equal(programme.Name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(programme.Code, page.SummaryValue("Code"));
        Assert.Equal(portfolio.Name, page.SummaryValue("Part of"));
        Assert.Equal("ICT", page.SummaryValue("Category"));
        var crumbs = page.QuerySelectorAll(".govuk-breadcrumbs__link").Select(a => a.TextContent).ToList();
        Assert.Equal(["Portfolio", portfolio.Name], crumbs);
        Assert.Contains(project.Name, page.QuerySelector(".govuk-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUnit_ShowsGovUkNotFoundPage()
    {
        var page = await app.Browser().GetPageAsync("/units/NO-SUCH-UNIT", 404);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        var other = await app.Browser().GetPageAsync("/no/such/page", 404);
        Assert.Equal("Page not found", other.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task CreateForm_WithErrors_Returns400WithErrorSummaryAndKeepsInput()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var browser = app.Browser();
        var response = await browser.SubmitFormAsync($"/units/new?parent={portfolio.Code}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Programme",
            ["Input.Code"] = "bad code!",
            ["Input.Name"] = "",
            ["Input.Description"] = "Kept as typed",
            ["Input.BaselineStart.Day"] = "31",
            ["Input.BaselineStart.Month"] = "2",
            ["Input.BaselineStart.Year"] = "2027",
            ["Input.ForecastStart.Day"] = "1",
            ["Input.ForecastStart.Month"] = "4",
            ["Input.ForecastStart.Year"] = "2027",
            ["Input.ForecastEnd.Day"] = "1",
            ["Input.ForecastEnd.Month"] = "3",
            ["Input.ForecastEnd.Year"] = "2027",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        // In the order of the fields on the form.
        Assert.Equal(
            [
                "Code must use only capital letters, numbers and single hyphens, such as HO-PRG-007",
                "Enter a name",
                "Baseline start date must be a real date",
                "Forecast end date must be the same as or after the forecast start date",
            ],
            page.ErrorSummary());
        Assert.Equal("Enter a name", page.FieldError("Input_Name"));
        Assert.Equal("#Input_BaselineStart", page.QuerySelectorAll(".govuk-error-summary__list a").First(a => a.TextContent.StartsWith("Baseline", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input_BaselineStart"));
        Assert.Equal("31", page.QuerySelector("input[name='Input.BaselineStart.Day']")!.GetAttribute("value"));
        Assert.Equal("Kept as typed", page.QuerySelector("#Input_Description")!.TextContent);
        Assert.Equal("bad code!", page.QuerySelector("#Input_Code")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CreateForm_OffersOnlyTheKindsTheParentMayHold()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        string[] Kinds(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("input[name='Input.Kind']").Select(i => i.GetAttribute("value")!).ToArray();
        Assert.Equal(["Portfolio", "Programme", "Project"], Kinds(await app.Browser().GetPageAsync($"/units/new?parent={portfolio.Code}")));
        Assert.Equal(["Programme", "Project"], Kinds(await app.Browser().GetPageAsync($"/units/new?parent={programme.Code}")));
    }

    [Fact]
    public async Task CreateForm_Valid_RedirectsToTheNewUnitWithABanner()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync("Ada Lovelace");
        var browser = app.Browser();
        var code = TestData.NewCode("PRJ");
        var response = await browser.SubmitFormAsync($"/units/new?parent={programme.Code}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Project",
            ["Input.Code"] = code,
            ["Input.Name"] = "Passport Renewal Online",
            ["Input.Category"] = "Ict",
            ["Input.Stage"] = "Initiation",
            ["Input.SroId"] = person.Id.ToString(),
            ["Input.ForecastEnd.Day"] = "31",
            ["Input.ForecastEnd.Month"] = "3",
            ["Input.ForecastEnd.Year"] = "2028",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/units/{code}", response.Headers.Location?.OriginalString);
        var page = await browser.GetPageAsync($"/units/{code}");
        Assert.Contains("Passport Renewal Online", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31 March 2028", page.SummaryValue("Forecast end"));
        Assert.Contains("Ada Lovelace", page.SummaryValue("Senior responsible owner"), StringComparison.Ordinal);
        Assert.Equal(programme.Name, page.SummaryValue("Part of"));
    }

    [Fact]
    public async Task EditForm_WhenSomeoneElseSavedFirst_Returns409AndKeepsInput()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var browser = app.Browser();
        var page = await browser.GetPageAsync($"/units/{portfolio.Code}/edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}",
            new UpdateUnit(portfolio.Code, "Changed elsewhere", portfolio.Category, portfolio.Stage), "\"1\"");

        var response = await browser.PostAsync($"/units/{portfolio.Code}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!,
            ["Input.Version"] = "1",
            ["Input.Code"] = portfolio.Code,
            ["Input.Name"] = "My edit",
            ["Input.Category"] = "Ict",
            ["Input.Stage"] = "Delivery",
            ["Input.Status"] = "Active",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = await response.ReadHtmlAsync();
        Assert.StartsWith($"This unit was changed by Test Administrator ({StewardApp.AdministratorEmail}) with token Tests at ", conflict.ErrorSummary().Single(), StringComparison.Ordinal);
        var nameRow = conflict.QuerySelectorAll("#conflict tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Name");
        Assert.Equal(["Changed elsewhere", "My edit"], nameRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("My edit", conflict.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("2", conflict.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Changed elsewhere", (await app.Api().GetUnitAsync(portfolio.Code)).Name);
    }

    [Fact]
    public async Task MovePage_RefusesALoopAndMovesToAnotherProgramme()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var other = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id);
        var browser = app.Browser();

        var refused = await browser.SubmitFormAsync($"/units/{portfolio.Code}/move", new Dictionary<string, string?> { ["ParentCode"] = project.Code });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A project cannot hold other units; choose a portfolio or programme", (await refused.ReadHtmlAsync()).FieldError("ParentCode"));

        var unknown = await browser.SubmitFormAsync($"/units/{project.Code}/move", new Dictionary<string, string?> { ["ParentCode"] = "nope-1" });
        Assert.Equal("No unit has the code NOPE-1", (await unknown.ReadHtmlAsync()).FieldError("ParentCode"));

        var moved = await browser.SubmitFormAsync($"/units/{project.Code}/move", new Dictionary<string, string?> { ["ParentCode"] = other.Code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other.Id, (await app.Api().GetUnitAsync(project.Code)).Parent?.Id);
        Assert.NotEqual(programme.Id, other.Id);
    }

    [Fact]
    public async Task ClosePage_ExplainsWhyAUnitWithOpenChildrenCannotClose()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var browser = app.Browser();
        var refused = await browser.SubmitFormAsync($"/units/{programme.Code}/close", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("still holds 1 open unit", (await refused.ReadHtmlAsync()).ErrorSummary().Single(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync($"/units/{project.Code}/close", new Dictionary<string, string?>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync($"/units/{project.Code}/archive", new Dictionary<string, string?>())).StatusCode);
        var page = await browser.GetPageAsync($"/units/{project.Code}");
        Assert.Equal("Archived", page.QuerySelector("h1 + p .govuk-tag")!.TextContent.Trim());
        Assert.DoesNotContain(project.Name, (await browser.GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsByCodeOrName()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var byCode = await app.Browser().GetPageAsync($"/search?q={programme.Code.ToLowerInvariant()}");
        Assert.Contains(programme.Name, byCode.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var byName = await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(programme.Name[^8..].ToUpperInvariant())}");
        Assert.Contains(programme.Code, byName.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var none = await app.Browser().GetPageAsync("/search?q=zzzz-nothing-matches");
        Assert.Equal("No units match", none.QuerySelector("h2")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/accessibility", "Accessibility statement for Steward")]
    [InlineData("/cookies", "Cookies")]
    [InlineData("/people", "People")]
    [InlineData("/people/new", "Add a person")]
    public async Task StaticAndPeoplePages_Render(string url, string heading)
    {
        var page = await app.Browser().GetPageAsync(url);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".govuk-header__logotype"));
    }

    [Fact]
    public async Task AddPerson_WithBadEmail_ShowsTheError()
    {
        var response = await app.Browser().SubmitFormAsync("/people/new", new Dictionary<string, string?> { ["Input.Name"] = "Kim", ["Input.Email"] = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter an email address in the correct format, like name@example.com", (await response.ReadHtmlAsync()).FieldError("Input_Email"));
    }
}

public sealed class UnitPagesOnSqlite(SqliteApp app) : UnitPagesTests<SqliteApp>(app);

public sealed class UnitPagesOnPostgres(PostgresApp app) : UnitPagesTests<PostgresApp>(app);

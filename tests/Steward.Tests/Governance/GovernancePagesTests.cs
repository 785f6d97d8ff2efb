using System.Net;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

public abstract class GovernancePagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangingABoard_InTheBrowser_SavesItsMembers_AndAStaleFormNamesWhoSavedFirst()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Sam Chair");
        var joining = await app.CreatePersonAsync("Kit Joiner");
        var board = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Programme board", chairId = chair.Id, cadence = "monthly" }))
            .ReadAsync<BoardView>();
        var browser = app.Browser();

        var form = await browser.GetPageAsync($"/units/{programme.Code}/boards/{board.Id}/edit");
        Assert.Equal("Programme board", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name='Input.Cadence'][value='Monthly'][checked]"));

        var empty = await browser.SubmitFormAsync($"/units/{programme.Code}/boards/{board.Id}/edit", new Dictionary<string, string?> { ["Input.ChairId"] = chair.Id.ToString(), ["Input.Cadence"] = "Monthly" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Enter the board's name"], (await empty.ReadHtmlAsync()).ErrorSummary());

        var saved = await browser.SubmitFormAsync($"/units/{programme.Code}/boards/{board.Id}/edit", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Programme delivery board", ["Input.ChairId"] = chair.Id.ToString(), ["Input.Cadence"] = "Fortnightly",
            ["Input.TermsOfReference"] = "Decides within programme tolerance", ["Input.MemberIds"] = joining.Id.ToString(),
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" / ", (await saved.ReadHtmlAsync()).ErrorSummary()));
        var after = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}", Ct)).ReadAsync<BoardView>();
        Assert.Equal("Programme delivery board", after.Name);
        Assert.Equal(BoardCadence.Fortnightly, after.Cadence);
        Assert.Equal(["Kit Joiner"], after.Members.Select(m => m.Name));
        Assert.Contains("Change the board", (await browser.GetPageAsync($"/units/{programme.Code}/boards/{board.Id}")).Body!.TextContent, StringComparison.Ordinal);

        // A form opened before that save still carries version 1.
        var stale = await browser.SubmitFormAsync($"/units/{programme.Code}/boards/{board.Id}/edit", new Dictionary<string, string?>
        {
            ["Input.Version"] = "1", ["Input.Name"] = "My name for it", ["Input.ChairId"] = chair.Id.ToString(), ["Input.Cadence"] = "Weekly",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.ReadHtmlAsync();
        Assert.StartsWith("Programme delivery board was changed by Test Administrator at ", conflict.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal("My name for it", conflict.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(after.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), conflict.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Programme delivery board", (await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}", Ct)).ReadAsync<BoardView>()).Name);
    }

    [Fact]
    public async Task CorrectingADecision_InTheBrowser_KeepsItsMeeting_AndRefusesAnUnknownRaidItem()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Sam Chair");
        var board = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Programme board", chairId = chair.Id, cadence = "monthly" }))
            .ReadAsync<BoardView>();
        var meeting = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}/meetings", new { startsAt = "2027-03-03T10:00:00+00:00", durationMinutes = 60 }))
            .ReadAsync<MeetingView>();
        var risk = await app.CreateRiskAsync(project.Code, chair.Id, 4, 5);
        var issue = await app.CreateIssueAsync(project.Code, chair.Id);
        var decision = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new { title = "Buy a test environment", decidedOn = "2027-03-03", meetingId = meeting.Id, links = new[] { risk.Reference } }))
            .ReadAsync<DecisionView>();
        var browser = app.Browser();
        var url = $"/units/{programme.Code}/decisions/{decision.Reference}/edit";

        var form = await browser.GetPageAsync(url);
        Assert.Equal("Buy a test environment", form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(risk.Reference, form.QuerySelector("#Input_Links")!.GetAttribute("value"));
        Assert.Contains("Decided by Programme board at its meeting of", form.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#Input_BoardId"));

        var fields = new Dictionary<string, string?>
        {
            ["Input.Title"] = "Buy the second test environment", ["Input.Rationale"] = "Cheaper than the delay",
            ["Input.DecidedOn.Day"] = "3", ["Input.DecidedOn.Month"] = "3", ["Input.DecidedOn.Year"] = "2027", ["Input.Links"] = $"{risk.Reference}, I-999999",
        };
        var refused = await browser.SubmitFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("I-999999", (await refused.ReadHtmlAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal("Buy a test environment", (await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/decisions/{decision.Reference}", Ct)).ReadAsync<DecisionView>()).Title);

        fields["Input.Links"] = $"{risk.Reference}, {issue.Reference}";
        var saved = await browser.SubmitFormAsync(url, fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" / ", (await saved.ReadHtmlAsync()).ErrorSummary()));
        var after = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/decisions/{decision.Reference}", Ct)).ReadAsync<DecisionView>();
        Assert.Equal("Buy the second test environment", after.Title);
        Assert.Equal("Cheaper than the delay", after.Rationale);
        Assert.Equal(meeting.Id, after.Meeting?.Id);
        Assert.Equal(board.Id, after.Board?.Id);
        Assert.Equal(new[] { issue.Reference, risk.Reference }.Order(), after.Links.Select(l => l.Reference));
    }
}

public sealed class GovernancePagesOnSqlite(SqliteApp app) : GovernancePagesTests<SqliteApp>(app);

public sealed class GovernancePagesOnPostgres(PostgresApp app) : GovernancePagesTests<PostgresApp>(app);

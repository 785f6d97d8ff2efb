using System.Net;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

public sealed class BoardCadenceRecurrenceTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    // Monthly at 10:00 London on 10 March 2027 (GMT): next on 10 April at 10:00 BST, 09:00 UTC.
    [InlineData(BoardCadence.Monthly, "2027-03-10T10:00:00Z", "2027-04-10T09:00:00Z")]
    [InlineData(BoardCadence.Weekly, "2027-03-10T10:00:00Z", "2027-03-17T10:00:00Z")]
    [InlineData(BoardCadence.Fortnightly, "2027-03-10T10:00:00Z", "2027-03-24T10:00:00Z")]
    [InlineData(BoardCadence.Quarterly, "2027-01-31T10:00:00Z", "2027-04-30T09:00:00Z")]
    // Recorded long after: the next one not yet come, on the cadence (26 November, then 3 December has passed at noon... 10 December).
    [InlineData(BoardCadence.Weekly, "2026-11-26T10:00:00Z", "2026-12-10T10:00:00Z")]
    public void TheNextMeeting_FollowsTheCadence_AtTheSameLondonTime(BoardCadence cadence, string held, string expected)
    {
        var next = BoardCadenceRecurrence.NextAfter(cadence, DateTime.Parse(held, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Now);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
    }

    [Fact]
    public void ABoardThatMeetsAsNeeded_HasNoNextMeeting() =>
        Assert.Null(BoardCadenceRecurrence.NextAfter(BoardCadence.AsNeeded, Now, Now));
}

// Recording a monthly board's meeting as held arranges its next one, once; the page says when.
public abstract class BoardRecurrenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HoldingAMeeting_ArrangesTheBoardsNextMeeting_Once()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id, member.Id);
        var now = DateTimeOffset.UtcNow;
        var started = new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, TimeSpan.Zero).AddDays(-2);
        var meeting = await app.CreateMeetingAsync(board.Id, started);
        Assert.Null((await BoardAsync(project.Code, board.Id)).NextMeeting);

        var page = $"/units/{project.Code}/meetings/{meeting.Id}/record";
        var browser = app.Browser();
        var recorded = await browser.SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Minutes"] = "Agreed the plan." });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var next = (await BoardAsync(project.Code, board.Id)).NextMeeting;
        Assert.Equal(BoardCadenceRecurrence.NextAfter(board.Cadence, started.UtcDateTime, DateTime.UtcNow), next);
        var shown = await browser.GetPageAsync(recorded.Headers.Location!.OriginalString);
        Assert.Contains("The board's next meeting is on", shown.QuerySelector(".govuk-notification-banner")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var upcoming = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/meetings?board={board.Id}", Ct)).ReadAsync<List<MeetingSummary>>();
        var arranged = Assert.Single(upcoming, m => m.Status == MeetingStatus.Planned);
        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/meetings/{arranged.Id}", Ct)).ReadAsync<MeetingView>();
        Assert.Equivalent(new[] { chair.Id, member.Id }, view.Attendees.Select(a => a.Person.Id));

        // Recording the held meeting again (correcting its minutes) arranges nothing more.
        var corrected = await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Minutes"] = "Agreed the plan, with changes." });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var after = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/meetings?board={board.Id}", Ct)).ReadAsync<List<MeetingSummary>>();
        Assert.Single(after, m => m.Status == MeetingStatus.Planned);
    }

    private async Task<BoardView> BoardAsync(string unit, Guid board) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unit}/boards/{board}", Ct)).ReadAsync<BoardView>();
}

public sealed class BoardRecurrenceOnSqlite(SqliteApp app) : BoardRecurrenceTests<SqliteApp>(app);

public sealed class BoardRecurrenceOnPostgres(PostgresApp app) : BoardRecurrenceTests<PostgresApp>(app);

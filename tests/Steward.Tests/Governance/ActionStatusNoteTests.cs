using System.Globalization;
using System.Net;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// Issue 26 item 2's "similar steps": marking an action done or cancelled, or reopening one, says what was
// done or why, as a dated progress update; without one it is refused on "progress" and nothing changes.
// A meeting called off says why in its minutes.
public abstract class ActionStatusNoteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DoneCancelledAndReopened_EachNeedANote_KeptAsAProgressUpdate()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var url = $"/api/v1/units/{project.Code}/actions/{action.Reference}";
        var due = action.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Task<HttpResponseMessage> Put(string status, string? progress, int version) =>
            app.Api().SendJsonAsync(HttpMethod.Put, url, new { description = action.Description, ownerId = owner.Id, dueOn = due, status, progress }, $"\"{version}\"");

        var bare = await Put("done", null, action.Version);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(["Say what was done to complete the action, as a progress update"], await bare.FieldErrorsAsync("progress"));
        var untouched = await (await app.Api().GetAsync(url, Ct)).ReadAsync<ActionView>();
        Assert.Equal((ActionStatus.Open, action.Version), (untouched.Status, untouched.Version));

        // Moving between open and in progress needs no note.
        var started = await (await Put("inProgress", null, action.Version)).ReadAsync<ActionView>();
        Assert.Equal(ActionStatus.InProgress, started.Status);

        var done = await Put("done", "Quotes in from both suppliers", started.Version);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var finished = await done.ReadAsync<ActionView>();

        // The latest update repeated is not a note about this step.
        var repeated = await Put("open", "Quotes in from both suppliers", finished.Version);
        Assert.Equal(["Say why the action is being reopened, as a progress update"], await repeated.FieldErrorsAsync("progress"));
        var reopened = await (await Put("open", "One quote was withdrawn", finished.Version)).ReadAsync<ActionView>();
        Assert.Equal((ActionStatus.Open, (DateOnly?)null), (reopened.Status, reopened.CompletedOn));

        var cancelBare = await Put("cancelled", " ", reopened.Version);
        Assert.Equal(["Say why the action is being cancelled, as a progress update"], await cancelBare.FieldErrorsAsync("progress"));
        Assert.Equal(HttpStatusCode.OK, (await Put("cancelled", "The board chose another route", reopened.Version)).StatusCode);

        var updates = await (await app.Api().GetAsync($"{url}/progress", Ct)).ReadAsync<List<ActionProgressView>>();
        Assert.Equal(["The board chose another route", "One quote was withdrawn", "Quotes in from both suppliers"], updates.Select(u => u.Text));
    }

    [Fact]
    public async Task ACancelledMeeting_SaysWhy_InItsMinutes()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(programme.Code, chair.Id);
        var meeting = await app.CreateMeetingAsync(board.Id);
        var url = $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}";

        var bare = await app.Api().SendJsonAsync(HttpMethod.Put, url, new { startsAt = "2027-03-03T10:00:00Z", status = "cancelled" }, $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(["Say why the meeting was cancelled, in the minutes"], await bare.FieldErrorsAsync("minutes"));
        var cancelled = await app.Api().SendJsonAsync(HttpMethod.Put, url,
            new { startsAt = "2027-03-03T10:00:00Z", status = "cancelled", minutes = "The chair is at the spending review; moved to next month." }, $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(MeetingStatus.Cancelled, (await cancelled.ReadAsync<MeetingView>()).Status);
    }

    [Fact]
    public async Task TheFollowUpForm_NamesTheMissingNote_OnTheProgressField()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var page = $"/units/{project.Code}/actions/{action.Reference}";

        var refused = await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Status"] = "Cancelled" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await refused.ReadHtmlAsync();
        Assert.Equal(["Say why the action is being cancelled, as a progress update"], shown.ErrorSummary());
        Assert.Equal("Say why the action is being cancelled, as a progress update", shown.FieldError("Input_Progress"));

        var saved = await app.Browser().SubmitFormAsShownAsync(page, new Dictionary<string, string?> { ["Input.Status"] = "Cancelled", ["Input.Progress"] = "No longer needed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.Browser().GetPageAsync(page);
        Assert.Equal("Cancelled", after.QuerySelector("main .govuk-tag")!.TextContent.Trim());
    }
}

public sealed class ActionStatusNoteOnSqlite(SqliteApp app) : ActionStatusNoteTests<SqliteApp>(app);

public sealed class ActionStatusNoteOnPostgres(PostgresApp app) : ActionStatusNoteTests<PostgresApp>(app);

using System.Net;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// A board meeting's attendance names guests, deputies and the secretariat beside the chair and members, and
// says whether the board was quorate: a deputy counts for the member they stood in for; guests do not count.
public abstract class AttendanceAndQuorumTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeputyCountsForTheMemberTheyStandFor_AndGuestsDoNot()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (chair, ana, ben) = (await app.CreatePersonAsync("Sam Chair"), await app.CreatePersonAsync("Ana Member"), await app.CreatePersonAsync("Ben Member"));
        var (deputy, guest, secretary) = (await app.CreatePersonAsync("Dee Deputy"), await app.CreatePersonAsync("Gil Guest"), await app.CreatePersonAsync("Sue Secretary"));
        var board = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards",
            new { name = "Programme board", chairId = chair.Id, cadence = "asNeeded", memberIds = new[] { ana.Id, ben.Id }, quorum = 3 })).ReadAsync<BoardView>();
        Assert.Equal(3, board.Quorum);
        var meeting = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}/meetings", new { startsAt = "2026-11-03T10:00:00Z", durationMinutes = 60 })).ReadAsync<MeetingView>();
        Assert.All(meeting.Attendees, a => Assert.Equal(AttendeeCapacity.Member, a.Capacity));
        Assert.Equal(new Quorum(3, 0, null), meeting.Quorum);

        object Attendees(bool withDeputy) => new object[]
        {
            new { personId = chair.Id, attendance = "attended" }, new { personId = ana.Id, attendance = "attended" }, new { personId = ben.Id, attendance = "apologies" },
            new { personId = guest.Id, attendance = "attended" }, new { personId = secretary.Id, attendance = "attended", capacity = "secretariat" },
        }.Concat(withDeputy ? [new { personId = deputy.Id, attendance = "attended", capacity = "deputy", deputyForId = (Guid?)ben.Id }] : []).ToArray();

        var held = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}",
            new { startsAt = "2026-11-03T10:00:00Z", durationMinutes = 60, status = "held", attendees = Attendees(withDeputy: true) }, $"\"{meeting.Version}\"");
        Assert.True(held.StatusCode == HttpStatusCode.OK, await held.Content.ReadAsStringAsync(Ct));
        var after = await held.ReadAsync<MeetingView>();
        Assert.Equal(new Quorum(3, 3, true), after.Quorum);
        Assert.Equal(AttendeeCapacity.Guest, after.Attendees.Single(a => a.Person.Id == guest.Id).Capacity);
        Assert.Equal(ben.Id, after.Attendees.Single(a => a.Person.Id == deputy.Id).DeputyFor!.Id);
        Assert.True(after.Attendees[0].IsChair);

        var without = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}",
            new { startsAt = "2026-11-03T10:00:00Z", durationMinutes = 60, status = "held", attendees = Attendees(withDeputy: false) }, $"\"{after.Version}\"");
        Assert.Equal(new Quorum(3, 2, false), (await without.ReadAsync<MeetingView>()).Quorum);
        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/meetings/{meeting.Id}");
        Assert.StartsWith("Not quorate: 2 of the board present", page.QuerySelector("#quorum")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeputyForNobody_OrAQuorumLargerThanTheBoard_IsRefused()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (chair, member, other) = (await app.CreatePersonAsync(), await app.CreatePersonAsync(), await app.CreatePersonAsync());
        var tooMany = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Board", chairId = chair.Id, cadence = "monthly", memberIds = new[] { member.Id }, quorum = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["The quorum is how many of the board's 2 (chair and members) must attend: from 1 to 2, not 3"], await tooMany.FieldErrorsAsync("quorum"));

        var board = await app.CreateBoardAsync(programme.Code, chair.Id, member.Id);
        var meeting = await app.CreateMeetingAsync(board.Id);
        foreach (var (attendee, message) in new (object, string)[]
        {
            (new { personId = other.Id, capacity = "deputy" }, "Say which chair or member a deputy stands in for (deputyForId)"),
            (new { personId = other.Id, capacity = "deputy", deputyForId = other.Id }, $"A deputy stands in for the chair or a member of the board; {other.Id} is neither"),
            (new { personId = other.Id, capacity = "guest", deputyForId = member.Id }, "Only a deputy stands in for someone: set their capacity to deputy"),
        })
        {
            var refused = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}",
                new { startsAt = "2027-03-03T10:00:00Z", durationMinutes = 90, attendees = new[] { attendee } }, $"\"{meeting.Version}\"");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([message], await refused.FieldErrorsAsync("attendees"));
        }

        var unchanged = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", Ct)).ReadAsync<MeetingView>();
        Assert.Equal(meeting.Version, unchanged.Version);
        Assert.Equal(2, unchanged.Attendees.Count);
    }

    [Fact]
    public async Task TheRecordPage_AddsADeputy_AndRemovesAGuest()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (chair, member, deputy) = (await app.CreatePersonAsync("Sam Chair"), await app.CreatePersonAsync("Ana Member"), await app.CreatePersonAsync("Dee Deputy"));
        var board = await app.CreateBoardAsync(programme.Code, chair.Id, member.Id);
        var meeting = await app.CreateMeetingAsync(board.Id, new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero));
        var url = $"/units/{programme.Code}/meetings/{meeting.Id}/record";

        var forNobody = await app.Browser().SubmitFormAsShownAsync(url, new Dictionary<string, string?> { ["Input.AddPersonId"] = deputy.Id.ToString(), ["Input.AddCapacity"] = "Deputy" });
        Assert.Equal(HttpStatusCode.BadRequest, forNobody.StatusCode);
        Assert.Equal(["Say which chair or member a deputy stands in for (deputyForId)"], (await forNobody.ReadHtmlAsync()).ErrorSummary());

        var added = await app.Browser().SubmitFormAsShownAsync(url, new Dictionary<string, string?>
        {
            [$"Input.Attendance[{member.Id}]"] = "Apologies",
            ["Input.AddPersonId"] = deputy.Id.ToString(), ["Input.AddCapacity"] = "Deputy", ["Input.AddDeputyForId"] = member.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/meetings/{meeting.Id}");
        Assert.Contains(page.QuerySelectorAll("main table tr"), row => row.TextContent.Contains("Dee Deputy", StringComparison.Ordinal) && row.TextContent.Contains("Deputy for Ana Member", StringComparison.Ordinal));

        var removed = await app.Browser().SubmitFormAsShownAsync(url, new Dictionary<string, string?> { ["Input.Remove"] = deputy.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", Ct)).ReadAsync<MeetingView>();
        Assert.Equal(["Sam Chair", "Ana Member"], after.Attendees.Select(a => a.Person.Name));
    }
}

public sealed class AttendanceAndQuorumOnSqlite(SqliteApp app) : AttendanceAndQuorumTests<SqliteApp>(app);

public sealed class AttendanceAndQuorumOnPostgres(PostgresApp app) : AttendanceAndQuorumTests<PostgresApp>(app);

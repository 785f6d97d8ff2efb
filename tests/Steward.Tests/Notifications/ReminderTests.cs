using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.MyWork;
using Steward.Features.Notifications;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Notifications;

// Reminders end to end on both databases, with a real SMTP server: the digest reaches the mail server
// once with the person's items; their choices are respected; the unsubscribe link works without signing
// in and cannot be forged; a mail server that is down is retried and nothing is lost or sent twice.
public abstract class ReminderTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp, IMailingApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationDefaults.UkTime).DateTime);

    [Fact]
    public async Task TheDailyDigest_ReachesTheMailServerOnce_WithTheirItemsAndNobodyElses()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonWithAccountAsync(programme.Code);
        var other = await PersonWithAccountAsync(programme.Code);
        var overdue = await app.CreateActionAsync(programme.Code, person, Today.AddDays(-3));
        var dueToday = await app.CreateAssumptionAsync(programme.Code, person, Today);
        var later = await app.CreateActionAsync(programme.Code, person, Today.AddDays(30));
        await app.CreateActionAsync(programme.Code, other.Person, Today.AddDays(-1));
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null)).StatusCode);

        await RunRemindersAsync();
        await DeliverAsync();
        await RunRemindersAsync();
        await DeliverAsync();

        var received = Assert.Single(app.Mail.To(email));
        Assert.Equal("Your work in Steward: 1 item overdue, 1 due today", received.Subject);
        var text = received.TextBody;
        Assert.Contains(overdue.Reference, text, StringComparison.Ordinal);
        Assert.Contains(dueToday.Reference, text, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Reference, text, StringComparison.Ordinal);
        Assert.Contains($"https://steward.test/units/{programme.Code}/actions/{overdue.Reference}", text, StringComparison.Ordinal);
        Assert.Contains("because you are named as the owner", text, StringComparison.Ordinal);
        Assert.Contains(overdue.Reference, received.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<https://steward.test/notifications/unsubscribe?token=", received.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);

        // The same digest is in their inbox, unread, and marking it read clears the count.
        var inbox = await (await api.GetAsync("/api/v1/me/inbox", Ct)).ReadAsync<InboxView>();
        var message = Assert.Single(inbox.Messages);
        Assert.Equal((1, "digest", 2), (inbox.Unread, message.Kind, message.Items.Count));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/me/inbox/{message.Id}/read", null, Ct)).StatusCode);
        Assert.Equal(0, (await (await api.GetAsync("/api/v1/me/inbox", Ct)).ReadAsync<InboxView>().ConfigureAwait(false)).Unread);
        // Someone else's message is not found, not marked.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.PostAsync($"/api/v1/me/inbox/{message.Id}/read", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheirChoices_AreRespected_ImmediatelyDigestOrNotAtAll()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonWithAccountAsync(programme.Code);
        var action = await app.CreateActionAsync(programme.Code, person, Today.AddDays(-1));
        var assumption = await app.CreateAssumptionAsync(programme.Code, person, Today.AddDays(-1));
        await app.CreateRiskAsync(programme.Code, person);
        var set = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications",
            new { digestAt = "23:59", kinds = new Dictionary<string, string> { ["action"] = "immediately", ["assumption-validation"] = "off" } }, null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        await RunRemindersAsync();
        await DeliverAsync();
        await RunRemindersAsync();
        await DeliverAsync();

        // The action at once (its digest is not due until 23:59); the assumption not at all.
        var received = Assert.Single(app.Mail.To(email));
        Assert.Equal($"Now due: action {action.Reference} {action.Description}", received.Subject);
        Assert.DoesNotContain(assumption.Reference, received.TextBody, StringComparison.Ordinal);

        // Its due date moved: news again.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            return await db.Actions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, Today), Ct);
        });
        await RunRemindersAsync();
        await DeliverAsync();
        Assert.Equal(2, app.Mail.To(email).Count);
    }

    [Fact]
    public async Task TheUnsubscribeLink_WorksWithoutSigningIn_AndAForgedOneChangesNothing()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonWithAccountAsync(programme.Code);
        await app.CreateActionAsync(programme.Code, person, Today.AddDays(-2));
        await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null);
        await RunRemindersAsync();
        await DeliverAsync();
        var link = Assert.Single(app.Mail.To(email)).Headers["List-Unsubscribe"].Trim('<', '>');
        var path = new Uri(link).PathAndQuery;
        var token = Uri.UnescapeDataString(path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        var anonymous = app.AnonymousBrowser();
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(forged)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(forged)}", OneClick(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/notifications/unsubscribe", OneClick(), Ct)).StatusCode);
        Assert.Equal("digest", await ChoiceAsync(api, "action"));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path, Ct)).StatusCode);
        Assert.Equal("digest", await ChoiceAsync(api, "action"));
        // A mail client's one-click unsubscribe (RFC 8058): a POST to the link, no cookie, no form token.
        var done = await anonymous.PostAsync(path, OneClick(), Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You will not be told about these any more", await done.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("off", await ChoiceAsync(api, "action"));
    }

    [Fact]
    public async Task AMailServerThatIsDown_IsRetriedWithBackOff_AndTheMessageGoesOnceItIsBack()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonWithAccountAsync(programme.Code);
        await app.CreateActionAsync(programme.Code, person, Today.AddDays(-2));
        await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null);
        await RunRemindersAsync();

        app.Mail.Stop();
        try
        {
            var failed = await DeliverAsync();
            Assert.True(failed.ToRetry >= 1, $"Expected a retry, got {failed}");
        }
        finally
        {
            app.Mail.Start();
        }

        var waiting = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.AsNoTracking().SingleAsync(e => e.Address == email, Ct));
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAt > DateTime.UtcNow, "The next attempt waits");
        Assert.Empty(app.Mail.To(email));

        // Not before its time; then once.
        await DeliverAsync();
        Assert.Empty(app.Mail.To(email));
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.Where(e => e.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await DeliverAsync();
        await DeliverAsync();
        Assert.Single(app.Mail.To(email));
    }

    [Fact]
    public async Task ATestEmail_ReachesTheSmtpServer_OrSaysWhyNot_FromTheApiAndThePage()
    {
        var address = $"admin.{Guid.NewGuid():N}@steward.test";
        var sent = await (await app.Api().PostAsJsonAsync("/api/v1/email/test", new { address }, Ct)).ReadAsync<TestEmailResult>();
        Assert.True(sent.Sent, sent.Error);
        Assert.Equal("Test e-mail from Steward", Assert.Single(app.Mail.To(address)).Subject);

        app.Mail.Stop();
        try
        {
            var down = await (await app.Api().PostAsJsonAsync("/api/v1/email/test", new { address }, Ct)).ReadAsync<TestEmailResult>();
            Assert.False(down.Sent);
            Assert.Contains("could not reach the SMTP server", down.Error, StringComparison.Ordinal);
        }
        finally
        {
            app.Mail.Start();
        }

        var page = await app.Browser().SubmitFormAsync(NotificationsLinks.Email, new Dictionary<string, string?> { ["Address"] = address });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"A test e-mail to {address} was accepted by", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(app.Mail.To(address));
        var bad = await app.Browser().SubmitFormAsync(NotificationsLinks.Email, new Dictionary<string, string?> { ["Address"] = "nobody" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("govuk-error-summary", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadChoices_AreRefusedNamingTheField_AndNothingChanges()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (_, _, api) = await PersonWithAccountAsync(programme.Code);
        var before = await (await api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>();

        var bad = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications",
            new { digestAt = "25:00", kinds = new Dictionary<string, string> { ["action"] = "sometimes", ["gossip"] = "off", ["risk-review"] = "off" } }, null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'25:00' is not a time of day", (await bad.FieldErrorsAsync("digestAt"))[0], StringComparison.Ordinal);
        Assert.Contains("'sometimes' is not a choice", (await bad.FieldErrorsAsync("kinds.action"))[0], StringComparison.Ordinal);
        Assert.Contains("no kind of message 'gossip'", (await bad.FieldErrorsAsync("kinds.gossip"))[0], StringComparison.Ordinal);

        var after = await (await api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("digest", after.Kinds.Single(k => k.Kind == "risk-review").Delivery.ToString().ToLowerInvariant());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "08:00" }, "\"99\"")).StatusCode);
    }

    [Fact]
    public async Task MyWork_ListsWhatIsAssignedAcrossTheTree_SoonestFirst_FilteredByKindAndUnit()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var (_, person, api) = await PersonWithAccountAsync(programme.Code);
        var inProject = await app.CreateActionAsync(project.Code, person, Today.AddDays(5));
        var overdue = await app.CreateAssumptionAsync(programme.Code, person, Today.AddDays(-1));
        var undated = await app.CreateRiskAsync(programme.Code, person);
        var closedUnit = await app.CreateUnitAsync(UnitKind.Project, portfolio.Id);
        await app.CreateActionAsync(closedUnit.Code, person, Today);
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Units.Where(u => u.Id == closedUnit.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UnitStatus.Closed), Ct));

        var all = await (await api.GetAsync("/api/v1/me/work", Ct)).ReadAsync<MyWorkView>();
        Assert.Equal([overdue.Reference, inProject.Reference, undated.Reference], all.Items.Select(i => i.Reference));
        Assert.Equal((1, true), (all.Overdue, all.Items[0].Overdue));
        Assert.Equal($"/units/{project.Code}/actions/{inProject.Reference}", all.Items[1].Link);

        var actions = await (await api.GetAsync("/api/v1/me/work?kind=action", Ct)).ReadAsync<MyWorkView>();
        Assert.Equal([inProject.Reference], actions.Items.Select(i => i.Reference));
        var underProject = await (await api.GetAsync($"/api/v1/me/work?unit={project.Code}", Ct)).ReadAsync<MyWorkView>();
        Assert.Equal([inProject.Reference], underProject.Items.Select(i => i.Reference));
        var underProgramme = await (await api.GetAsync($"/api/v1/me/work?unit={programme.Code}", Ct)).ReadAsync<MyWorkView>();
        Assert.Equal(3, underProgramme.Items.Count);

        var bad = await api.GetAsync("/api/v1/me/work?kind=gossip&unit=NO-SUCH-UNIT", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no kind of work 'gossip'", (await bad.FieldErrorsAsync("kind"))[0], StringComparison.Ordinal);
        Assert.Contains("No unit has the code 'NO-SUCH-UNIT'", (await bad.FieldErrorsAsync("unit"))[0], StringComparison.Ordinal);

        var page = await app.Browser(await app.SignInAsync(await EmailOfAsync(person))).GetAsync("/my-work?kind=action", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(inProject.Reference, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync("/my-work?kind=gossip", Ct)).StatusCode);

        // The same from the command line, for whoever is named.
        var email = await EmailOfAsync(person);
        var cli = await Steward.Tests.Cli.StewardProcess.RunAsync("work", "--person", email, "--kind", "action", "--json", "--database", app.ConnectionString);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains(inProject.Reference, cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(undated.Reference, cli.Output, StringComparison.Ordinal);
        var nobody = await Steward.Tests.Cli.StewardProcess.RunAsync("work", "--person", "nobody@steward.test", "--database", app.ConnectionString);
        Assert.NotEqual(0, nobody.ExitCode);
        Assert.Contains("No one in Steward has the e-mail address 'nobody@steward.test'", nobody.Error, StringComparison.Ordinal);
    }

    private async Task<(string Email, Guid Person, HttpClient Api)> PersonWithAccountAsync(string unitCode)
    {
        var email = await app.AddAccountWithRoleAsync(StewardRole.Contributor, unitCode);
        var person = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct));
        return (email, person, app.Api(await app.CreateTokenAsync(email)));
    }

    private Task<string> EmailOfAsync(Guid person) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Id == person).Select(p => p.Email).SingleAsync(Ct));

    private static async Task<string> ChoiceAsync(HttpClient api, string kind) =>
        (await (await api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>()).Kinds.Single(k => k.Kind == kind).Delivery.ToString().ToLowerInvariant();

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private Task<ReminderCounts> RunRemindersAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<WorkReminders>().RunAsync(Ct));

    private Task<DeliveryCounts> DeliverAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<EmailDelivery>().RunAsync(Ct));
}

public sealed class RemindersOnSqlite(SqliteMailApp app) : ReminderTests<SqliteMailApp>(app);

public sealed class RemindersOnPostgres(PostgresMailApp app) : ReminderTests<PostgresMailApp>(app);

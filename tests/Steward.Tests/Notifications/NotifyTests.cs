using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Notifications;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Notifications;

// E-mail through GOV.UK Notify's official client, against a local stand-in that checks each request against
// Notify's API contract: the digest goes once, to the template, with the signed one-click unsubscribe URL;
// Notify being down is retried; an address Notify refuses, or one that bounces after sending, stops being
// used and its person is told in Steward; a malformed key is a settings error, never a crash.
public abstract class NotifyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp, INotifyApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationDefaults.UkTime).DateTime);

    [Fact]
    public async Task TheDigest_GoesThroughNotify_ToItsContract_Once_WithAWorkingUnsubscribeUrl()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonAsync(programme.Code);
        var overdue = await app.CreateActionAsync(programme.Code, person, Today.AddDays(-3));
        await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null);

        await RunRemindersAsync();
        await DeliverAsync();
        await RunRemindersAsync();
        await DeliverAsync();

        Assert.Empty(app.Notify.Violations);
        var sent = Assert.Single(app.Notify.To(email));
        Assert.Equal(NotifyStandIn.TemplateId, sent.TemplateId);
        Assert.Equal("Your work in Steward: 1 item overdue, 0 due today", sent.Personalisation["subject"]);
        Assert.Contains($"https://steward.test/units/{programme.Code}/actions/{overdue.Reference}", sent.Personalisation["body"], StringComparison.Ordinal);
        Assert.StartsWith(NotifyChannel.ReferencePrefix, sent.Reference, StringComparison.Ordinal);
        Assert.StartsWith("https://steward.test/notifications/unsubscribe?token=", sent.UnsubscribeUrl, StringComparison.Ordinal);
        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.AsNoTracking().SingleAsync(e => e.Address == email, Ct));
        Assert.Equal(NotifyChannel.ReferencePrefix + stored.Id, sent.Reference);
        Assert.NotNull(stored.SentAt);

        // A mail client's one-click unsubscribe, through the URL Notify was given, without signing in.
        var oneClick = await app.AnonymousBrowser().PostAsync(new Uri(sent.UnsubscribeUrl!).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }), Ct);
        Assert.True(oneClick.IsSuccessStatusCode, $"One-click unsubscribe answered {(int)oneClick.StatusCode}");
        var choices = await (await api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>();
        Assert.Equal(Delivery.Off, choices.Kinds.Single(k => k.Kind == "action").Delivery);
    }

    [Fact]
    public async Task NotifyBeingDown_IsRetriedWithBackOff_AndNothingIsMarkedSentUntilItIs()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (email, person, api) = await PersonAsync(programme.Code);
        await app.CreateActionAsync(programme.Code, person, Today.AddDays(-1));
        await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null);
        await RunRemindersAsync();

        app.Notify.Failing = true;
        try
        {
            var failed = await DeliverAsync();
            Assert.True(failed.Sent == 0, $"{failed} {string.Join(";", app.Notify.Sent.Select(s => s.Address))}");
        }
        finally
        {
            app.Notify.Failing = false;
        }

        var waiting = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.AsNoTracking().SingleAsync(e => e.Address == email, Ct));
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("500", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.NextAttemptAt > DateTime.UtcNow, "The next attempt waits");

        await DeliverAsync();
        Assert.Empty(app.Notify.To(email));
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.Where(e => e.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await DeliverAsync();
        await DeliverAsync();
        Assert.Single(app.Notify.To(email));
        Assert.Empty(app.Notify.Violations);
    }

    [Fact]
    public async Task ARefusedAddress_AndOneThatBouncesLater_StopBeingUsed_AndTheirPeopleAreToldInSteward()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var refused = await PersonAsync(programme.Code, $"someone.{Guid.NewGuid():N}@{NotifyStandIn.RefusedDomain}");
        var bouncing = await PersonAsync(programme.Code, $"someone.{Guid.NewGuid():N}@{NotifyStandIn.BouncingDomain}");
        foreach (var (_, person, api) in new[] { refused, bouncing })
        {
            await app.CreateActionAsync(programme.Code, person, Today.AddDays(-1));
            await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00" }, null);
        }

        await RunRemindersAsync();
        var first = await DeliverAsync();
        var second = await DeliverAsync();

        Assert.Equal((1, 1), (first.Refused, first.Bounced + second.Bounced));
        Assert.Empty(app.Notify.To(refused.Email));
        Assert.Single(app.Notify.To(bouncing.Email));
        foreach (var (email, person, api) in new[] { refused, bouncing })
        {
            var settings = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().NotificationSettings.AsNoTracking().SingleAsync(s => s.PersonId == person, Ct));
            Assert.Equal(email, settings.EmailRefusedAddress);
            var inbox = await (await api.GetAsync("/api/v1/me/inbox", Ct)).ReadAsync<InboxView>();
            Assert.Single(inbox.Messages, m => m.Kind == "email-refused");
            var choices = await (await api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>();
            Assert.Contains(email, choices.EmailRefused, StringComparison.Ordinal);
        }

        // Tomorrow's reminders are not e-mailed to either address.
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().DigestDays.Where(d => d.PersonId == refused.Person || d.PersonId == bouncing.Person).ExecuteDeleteAsync(Ct));
        await RunRemindersAsync();
        await DeliverAsync();
        Assert.Single(app.Notify.To(bouncing.Email));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.CountAsync(e => (e.Address == refused.Email || e.Address == bouncing.Email) && e.SentAt == null && e.GaveUpAt == null, Ct)));
        Assert.Empty(app.Notify.Violations);
    }

    [Fact]
    public async Task ATestEmail_GoesThroughNotify_AndBadInputIsRefusedNamingTheField()
    {
        var status = await (await app.Api().GetAsync("/api/v1/email", Ct)).ReadAsync<MailStatus>();
        Assert.Contains("GOV.UK Notify", status.Channel, StringComparison.Ordinal);
        Assert.Null(status.Problem);

        var address = $"admin.{Guid.NewGuid():N}@steward.test";
        var result = await (await app.Api().PostAsJsonAsync("/api/v1/email/test", new { address }, Ct)).ReadAsync<TestEmailResult>();
        Assert.True(result.Sent, result.Error);
        var sent = Assert.Single(app.Notify.To(address));
        Assert.Equal(NotifyStandIn.TestTemplateId, sent.TemplateId);
        Assert.Equal("Test e-mail from Steward", sent.Personalisation["subject"]);

        var bad = await app.Api().PostAsJsonAsync("/api/v1/email/test", new { address = "not an address" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("e-mail address in the right form", (await bad.FieldErrorsAsync("address"))[0], StringComparison.Ordinal);
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, null)));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/email/test", new { address }, Ct)).StatusCode);

        // Notify refusing the address: the test says so, and nothing is stored or retried.
        var refused = await (await app.Api().PostAsJsonAsync("/api/v1/email/test", new { address = $"x@{NotifyStandIn.RefusedDomain}" }, Ct)).ReadAsync<TestEmailResult>();
        Assert.False(refused.Sent);
        Assert.Contains("Not a valid email address", refused.Error, StringComparison.Ordinal);
        Assert.Empty(app.Notify.Violations);
    }

    [Fact]
    public async Task AMalformedKey_IsASettingsError_ShownToAdministrators_NeverACrash()
    {
        const string Key = "steward_test-not-a-real-key";
        using var misconfigured = app.WithWebHostBuilder(b => b.UseSetting("Notify:ApiKey", Key));
        var api = misconfigured.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.AdministratorToken);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready", Ct)).StatusCode);
        var status = await (await api.GetAsync("/api/v1/email", Ct)).ReadAsync<MailStatus>();
        Assert.Contains("Notify:ApiKey is not a GOV.UK Notify API key", status.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, status.Summary, StringComparison.Ordinal);
        var test = await api.PostAsJsonAsync("/api/v1/email/test", new { address = "someone@steward.test" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, test.StatusCode);
        Assert.Contains("Notify:ApiKey", await test.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var scope = misconfigured.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<EmailDelivery>().RunAsync(Ct);
        Assert.Equal(0, counts.Sent + counts.ToRetry + counts.GaveUp);
    }

    private async Task<(string Email, Guid Person, HttpClient Api)> PersonAsync(string unitCode, string? address = null)
    {
        var email = await app.AddAccountWithRoleAsync(StewardRole.Contributor, unitCode);
        var person = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct));
        var api = app.Api(await app.CreateTokenAsync(email));
        if (address is not null)
        {
            await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Id == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, address), Ct));
        }

        return (address ?? email, person, api);
    }

    private Task<ReminderCounts> RunRemindersAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<WorkReminders>().RunAsync(Ct));

    private Task<DeliveryCounts> DeliverAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<EmailDelivery>().RunAsync(Ct));
}

public interface INotifyApp
{
    NotifyStandIn Notify { get; }
}

internal static class NotifySettingsForTests
{
    public static void Apply(IWebHostBuilder builder, NotifyStandIn notify)
    {
        builder.UseSetting("Notify:ApiKey", NotifyStandIn.ApiKey);
        builder.UseSetting("Notify:BaseUrl", notify.BaseUrl);
        builder.UseSetting("Notify:TemplateId", NotifyStandIn.TemplateId);
        builder.UseSetting("Notify:Templates:test", NotifyStandIn.TestTemplateId);
        builder.UseSetting("Notify:TimeoutSeconds", "5");
        builder.UseSetting("Mail:SiteAddress", "https://steward.test");
    }
}

public sealed class SqliteNotifyApp : SqliteApp, INotifyApp
{
    public NotifyStandIn Notify { get; } = NotifyStandIn.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NotifySettingsForTests.Apply(builder, Notify);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
    }
}

public sealed class PostgresNotifyApp : PostgresApp, INotifyApp
{
    public NotifyStandIn Notify { get; } = NotifyStandIn.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NotifySettingsForTests.Apply(builder, Notify);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
    }
}

public sealed class NotifyOnSqlite(SqliteNotifyApp app) : NotifyTests<SqliteNotifyApp>(app);

public sealed class NotifyOnPostgres(PostgresNotifyApp app) : NotifyTests<PostgresNotifyApp>(app);

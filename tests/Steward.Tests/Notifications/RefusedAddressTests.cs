using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Notifications;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Notifications;

// An SMTP server that refuses an address for good (550 on RCPT): that e-mail is given up, the address is not
// used again (what else waits for it is given up too, and later reminders reach the inbox only), the person is
// told in Steward once, and someone else's mail in the same run still goes. Putting it right and choosing
// to resume e-mail brings the mail back.
public abstract class RefusedAddressTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp, IRefusingMailApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationDefaults.UkTime).DateTime);

    [Fact]
    public async Task AnAddressRefusedForGood_StopsBeingUsed_AndThePersonIsToldInSteward()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var refused = await PersonAsync(programme.Code, $"gone.{Guid.NewGuid():N}@{RefusingMailServer.RefusedDomain}");
        var fine = await PersonAsync(programme.Code, null);
        foreach (var (_, person, api) in new[] { refused, fine })
        {
            await app.CreateActionAsync(programme.Code, person, Today.AddDays(-1));
            await api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00", kinds = new Dictionary<string, string> { ["action"] = "immediately" } }, null);
        }

        await RunRemindersAsync();
        var counts = await DeliverAsync();

        Assert.Equal((1, 1), (counts.Refused, counts.Sent));
        Assert.Single(app.Mail.To(fine.Email));
        Assert.Empty(app.Mail.To(refused.Email));
        var emails = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().OutgoingEmails.AsNoTracking().Where(e => e.Address == refused.Email).ToListAsync(Ct));
        Assert.All(emails, e => Assert.NotNull(e.GaveUpAt));
        Assert.Contains(emails, e => e.LastError!.Contains("550", StringComparison.Ordinal));
        var choices = await (await refused.Api.GetAsync("/api/v1/me/notifications", Ct)).ReadAsync<NotificationPreferencesView>();
        Assert.Contains(refused.Email, choices.EmailRefused, StringComparison.Ordinal);
        var inbox = await (await refused.Api.GetAsync("/api/v1/me/inbox", Ct)).ReadAsync<InboxView>();
        Assert.Single(inbox.Messages, m => m.Kind == "email-refused");

        // The next item to fall due reaches the inbox only; the mail server is not asked again.
        await app.CreateActionAsync(programme.Code, refused.Person, Today);
        var next = await RunRemindersAsync();
        Assert.True(next.WithoutEmail >= 1, next.ToString());
        Assert.Equal(0, (await DeliverAsync()).Refused);

        // The address put right and e-mail resumed: mail goes again.
        var right = $"back.{Guid.NewGuid():N}@steward.test";
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Id == refused.Person).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, right), Ct));
        await refused.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { resumeEmail = true }, null);
        await app.CreateActionAsync(programme.Code, refused.Person, Today);
        await RunRemindersAsync();
        await DeliverAsync();
        Assert.Single(app.Mail.To(right));
    }

    private async Task<(string Email, Guid Person, HttpClient Api)> PersonAsync(string unitCode, string? address)
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

public interface IRefusingMailApp
{
    RefusingMailServer Mail { get; }
}

public sealed class SqliteRefusingMailApp : SqliteApp, IRefusingMailApp
{
    public RefusingMailServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestMailServer.Configure(builder, Mail.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class PostgresRefusingMailApp : PostgresApp, IRefusingMailApp
{
    public RefusingMailServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestMailServer.Configure(builder, Mail.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class RefusedAddressOnSqlite(SqliteRefusingMailApp app) : RefusedAddressTests<SqliteRefusingMailApp>(app);

public sealed class RefusedAddressOnPostgres(PostgresRefusingMailApp app) : RefusedAddressTests<PostgresRefusingMailApp>(app);

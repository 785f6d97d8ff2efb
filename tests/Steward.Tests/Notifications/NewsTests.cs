using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Governance;
using Steward.Features.Notifications;
using Steward.Features.Reporting;
using Steward.Features.Reporting.Exceptions;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Notifications;

// News on both databases, read from the history after each change commits, with a real SMTP server: an
// escalation reaches those who lead the unit above (not its viewers) at once, once; its handing back reaches
// them and the owner; someone who chose the digest finds it there instead; a decision's action reaches its
// owner; a submitted report its SRO, a returned one its author; an exception the leaders of its unit.
public abstract class NewsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp, IMailingApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEscalation_ReachesThoseWhoLeadTheUnitAbove_AtOnceAndOnce_AndItsHandingBackTheOwnerToo()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var sro = await PersonAsync(StewardRole.Sro, programme.Code);
        var viewer = await PersonAsync(StewardRole.Viewer, programme.Code);
        var owner = await PersonAsync(StewardRole.Contributor, project.Code);
        var risk = await app.CreateRiskAsync(project.Code, owner.Person);
        var issue = await app.CreateIssueAsync(project.Code, owner.Person);
        await NewsAsync();

        var escalated = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/escalate", new { reason = "Needs programme funding" }, $"\"{risk.Version}\"");
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var first = await NewsAsync();
        await NewsAsync();
        await DeliverAsync();

        Assert.True(first.NewsHeld >= 1, first.ToString());
        var told = Assert.Single(app.Mail.To(sro.Email));
        Assert.Equal($"Escalation: {risk.Reference} {risk.Title}", told.Subject);
        Assert.Contains($"Escalated from {project.Name} to {programme.Name}", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("Needs programme funding", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://steward.test/units/{project.Code}/risks/{risk.Reference}", told.TextBody, StringComparison.Ordinal);
        Assert.Empty(app.Mail.To(viewer.Email));
        Assert.Empty(app.Mail.To(owner.Email));
        var inbox = await (await sro.Api.GetAsync("/api/v1/me/inbox", Ct)).ReadAsync<InboxView>();
        Assert.Equal("news", Assert.Single(inbox.Messages).Kind);

        // Handed back: the programme's SRO and the risk's owner hear of it.
        var current = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}", Ct)).ReadJsonAsync();
        var back = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/de-escalate", new { reason = "Funded from contingency" }, $"\"{current.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        await NewsAsync();
        await DeliverAsync();
        Assert.Contains("Handed back from", Assert.Single(app.Mail.To(owner.Email)).TextBody, StringComparison.Ordinal);
        Assert.Equal(2, app.Mail.To(sro.Email).Count);

        // Someone who chose the digest for escalations hears of the next one there, not at once.
        await sro.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/me/notifications", new { digestAt = "00:00", kinds = new Dictionary<string, string> { ["escalation"] = "digest" } }, null);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/issues/{issue.Reference}/escalate", new { reason = "Supplier gone" }, $"\"{issue.Version}\"")).StatusCode);
        await NewsAsync();
        await DeliverAsync();
        Assert.Equal(2, app.Mail.To(sro.Email).Count);
        await app.WithServicesAsync(sp => sp.GetRequiredService<WorkReminders>().RunAsync(Ct));
        await DeliverAsync();
        var digest = Assert.Single(app.Mail.To(sro.Email), m => m.Subject.StartsWith("Steward: ", StringComparison.Ordinal));
        Assert.Contains(issue.Reference, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Supplier gone", digest.TextBody, StringComparison.Ordinal);
        await app.WithServicesAsync(sp => sp.GetRequiredService<WorkReminders>().RunAsync(Ct));
        await NewsAsync();
        await DeliverAsync();
        Assert.Equal(3, app.Mail.To(sro.Email).Count);
    }

    [Fact]
    public async Task ADecisionsAction_ASubmittedOrReturnedReport_AndAnException_ReachWhomTheyConcern()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await PersonAsync(StewardRole.Contributor, project.Code);
        var sro = await PersonAsync(StewardRole.Sro, project.Code);
        var manager = await PersonAsync(StewardRole.ProgrammeOrProjectManager, project.Code);
        var programmeSro = await PersonAsync(StewardRole.Sro, programme.Code);
        var chair = await app.CreatePersonAsync();
        await app.CreateBoardAsync(programme.Code, chair.Id);
        var decision = await app.CreateDecisionAsync(project.Code, chair.Id);
        await NewsAsync();

        var action = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RaiseActionAsync(project.Code,
            new ActionInput("Agree the recovery plan with the supplier", owner.Person, new DateOnly(2027, 2, 1), Decision: decision.Reference)));
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key;
        var report = await (await manager.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(period), null)).ReadAsync<StatusReportView>();
        var address = $"/api/v1/units/{project.Code}/reports/{report.Reference}";
        report = await (await manager.Api.SendJsonAsync(HttpMethod.Put, address, new StatusReportInput("Summary", "Built", "Test", null, null, "amber", null), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        report = await (await manager.Api.SendJsonAsync(HttpMethod.Post, $"{address}/submit", null, $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        Assert.Equal("submitted", report.State);
        await NewsAsync();
        var returned = await sro.Api.SendJsonAsync(HttpMethod.Post, $"{address}/return", new ReturnRequest("Say what the recovery plan is"), $"\"{report.Version}\"");
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/tolerances", new { time = new { over = 10 } }, null)).StatusCode);
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Units.Where(u => u.Id == project.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.BaselineEnd, new DateOnly(2027, 6, 30)).SetProperty(x => x.ForecastEnd, new DateOnly(2027, 8, 31)), Ct));
        var opened = Assert.Single(await (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/exceptions/scan", null, null)).ReadAsync<List<ExceptionView>>());
        await NewsAsync();
        await DeliverAsync();

        Assert.Contains($"Decision {decision.Reference}", Assert.Single(app.Mail.To(owner.Email)).TextBody, StringComparison.Ordinal);
        var forSro = app.Mail.To(sro.Email);
        Assert.Contains(forSro, m => m.Subject == $"Report awaiting approval: {report.Reference} Status report for {project.Name}, {period}");
        Assert.Contains(forSro, m => m.TextBody.Contains(opened.Reference, StringComparison.Ordinal));
        var forManager = app.Mail.To(manager.Email);
        Assert.Contains(forManager, m => m.TextBody.Contains("Say what the recovery plan is", StringComparison.Ordinal));
        Assert.Contains(forManager, m => m.TextBody.Contains(opened.Reference, StringComparison.Ordinal));
        Assert.Contains(app.Mail.To(programmeSro.Email), m => m.TextBody.Contains(opened.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Mail.To(owner.Email), m => m.TextBody.Contains(opened.Reference, StringComparison.Ordinal));
        Assert.Equal(action.Reference, Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().NewsItems.AsNoTracking()
            .Where(n => n.PersonId == owner.Person).Select(n => n.Reference).ToListAsync(Ct))));
    }

    private async Task<(string Email, Guid Person, HttpClient Api)> PersonAsync(StewardRole role, string unitCode)
    {
        var email = await app.AddAccountWithRoleAsync(role, unitCode);
        var person = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct));
        return (email, person, app.Api(await app.CreateTokenAsync(email)));
    }

    // The changes just made are read at once here; a node leaves the newest few seconds for its next run.
    private Task<NewsCounts> NewsAsync() => app.WithServicesAsync(sp =>
    {
        var news = sp.GetRequiredService<NewsTelling>();
        news.Settling = TimeSpan.Zero;
        return news.RunAsync(Ct);
    });

    private Task<DeliveryCounts> DeliverAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<EmailDelivery>().RunAsync(Ct));
}

public sealed class NewsOnSqlite(SqliteMailApp app) : NewsTests<SqliteMailApp>(app);

public sealed class NewsOnPostgres(PostgresMailApp app) : NewsTests<PostgresMailApp>(app);

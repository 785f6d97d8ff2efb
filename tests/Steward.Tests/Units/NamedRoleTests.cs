using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

// Issue 26 item 8: being named a unit's SRO or manager and holding the access role are made explicit:
// the unit page says when a named person does not hold the role, and offers it, filled in.
public abstract class NamedRoleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANamedSroWithoutTheRole_IsOfferedIt_AndOnceHeldTheOfferGoes()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var sro = await app.CreatePersonAsync("Priya Raman");
        var manager = await app.CreatePersonAsync();
        var unit = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}", Ct)).ReadJsonAsync();
        var put = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}", new
        {
            code = programme.Code, name = programme.Name, category = "ict", stage = "delivery", sroId = sro.Id, managerId = manager.Id,
        }, $"\"{unit.GetProperty("version").GetInt32()}\"");
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        await app.WithServicesAsync(sp => sp.GetRequiredService<RoleService>().GrantAsync(manager.Email, StewardRole.ProgrammeOrProjectManager, programme.Code));

        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}");
        var notes = page.QuerySelectorAll("#roles ~ .govuk-inset-text").Select(n => n.TextContent.Trim()).ToList();
        var note = Assert.Single(notes);
        Assert.StartsWith("Priya Raman is named senior responsible owner but does not hold the", note, StringComparison.Ordinal);
        var offer = page.QuerySelector("#roles ~ .govuk-inset-text a")!.GetAttribute("href")!;
        Assert.Equal($"/units/{programme.Code}/roles/new?email={Uri.EscapeDataString(sro.Email)}&role=Sro", offer);

        var form = await app.Browser().GetPageAsync(offer);
        Assert.Equal(sro.Email, form.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#Input_Role option[value=Sro][selected]"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync(offer, new Dictionary<string, string?> { ["Input.Email"] = sro.Email, ["Input.Role"] = "Sro" })).StatusCode);
        Assert.Empty((await app.Browser().GetPageAsync($"/units/{programme.Code}")).QuerySelectorAll("#roles ~ .govuk-inset-text"));
    }

    [Fact]
    public async Task TheEditForm_SaysWhatNamingGrants()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var form = await app.Browser().GetPageAsync($"/units/{programme.Code}/edit");
        Assert.Contains("does not give them access", form.QuerySelector("#Input_SroId-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not give them access", form.QuerySelector("#Input_ManagerId-hint")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class NamedRoleOnSqlite(SqliteApp app) : NamedRoleTests<SqliteApp>(app);

public sealed class NamedRoleOnPostgres(PostgresApp app) : NamedRoleTests<PostgresApp>(app);

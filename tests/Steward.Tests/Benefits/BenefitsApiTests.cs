using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Steward.Features.Access;
using Steward.Features.Benefits;
using Steward.Infrastructure;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Benefits;

// The benefits register through the API on both databases: recorded, read, rolled up, changed against
// its version, bad input refused field by field with nothing written.
public abstract class BenefitsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABenefitIsRecorded_RolledUp_AndChangedAgainstItsVersion()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(owner.Id, portfolio.Code), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var benefit = await created.ReadAsync<BenefitView>();
        Assert.StartsWith("B-", benefit.Reference, StringComparison.Ordinal);
        Assert.Equal((owner.Id, portfolio.Code, 1_200_000m, "lower-is-better"), (benefit.Owner!.Id, benefit.OwningUnit!.Code, benefit.MonetisedValue!.Value.Pounds, benefit.Direction));
        Assert.Equal(created.Headers.Location!.AbsolutePath, $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}");

        // The programme's register holds its projects' benefits.
        var register = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>();
        Assert.Equal([benefit.Reference], register.Items.Select(b => b.Reference));
        Assert.Empty((await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits?status=realised", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items);

        var address = $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}";
        var changed = await app.Api().SendJsonAsync(HttpMethod.Put, address, Body(owner.Id, null) with { Status = "in-realisation" }, $"\"{benefit.Version}\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var tracked = await changed.ReadAsync<BenefitView>();
        Assert.Equal("in-realisation", tracked.Status);
        // Quarterly from a baseline of 1 April 2026 with nothing measured: due on 1 July 2026, and overdue on the register too.
        Assert.Equal((new DateOnly(2026, 7, 1), true), (tracked.MeasurementDueOn!.Value, tracked.MeasurementOverdue));
        Assert.True((await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items.Single().MeasurementOverdue);
        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, address, Body(owner.Id, null), $"\"{benefit.Version}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var history = await (await app.Api().GetAsync($"{address}/history", Ct)).ReadAsync<CursorPage<Steward.Features.History.HistoryEntry>>();
        Assert.Equal(2, history.Items.Count);

        // The register as a spreadsheet, from the programme down; the same from the command line.
        var csv = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits/export?format=csv&status=", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"\"{benefit.Reference}\",\"{project.Code}\",\"Shorter queues at the border\",\"no\"", csv, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"benefits-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await Steward.Tests.Cli.StewardProcess.RunAsync("benefits", "export", "--unit", programme.Code, "--format", "csv", "--out", file, "--database", app.ConnectionString);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Wrote 1 benefits", run.Output, StringComparison.Ordinal);
            Assert.Contains(benefit.Reference, await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MeasurementsAreComparedWithTheProfile_AndTrackingContinuesAfterTheProjectCloses()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var profile = new List<ProfilePointInput> { new(new DateOnly(2027, 3, 31), 18, new Steward.Features.Finance.AmountText("£600k")), new(new DateOnly(2028, 3, 31), 12, null) };
        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Profile = profile }, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var benefit = await created.ReadAsync<BenefitView>();
        Assert.Equal([(new DateOnly(2027, 3, 31), 18m, (decimal?)600_000m), (new DateOnly(2028, 3, 31), 12m, null)],
            benefit.Profile.Select(p => (p.On, p.Value, p.Money?.Pounds)));
        var address = $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}";

        var outside = await app.Api().SendJsonAsync(HttpMethod.Put, address, Body(null, null) with { Profile = [new(new DateOnly(2029, 3, 31), 10, null)] }, $"\"{benefit.Version}\"");
        Assert.Contains("outside the benefit's timescale", (await outside.FieldErrorsAsync("profile[0].on")).Single(), StringComparison.Ordinal);
        // A change keeps a point by its date, changes another and adds a third.
        var rephased = await app.Api().SendJsonAsync(HttpMethod.Put, address, Body(null, null) with
        {
            Profile = [new(new DateOnly(2027, 3, 31), 18, new Steward.Features.Finance.AmountText("£600k")), new(new DateOnly(2027, 9, 30), 15, null), new(new DateOnly(2028, 3, 31), 12, null)],
        }, $"\"{benefit.Version}\"");
        Assert.Equal(HttpStatusCode.OK, rephased.StatusCode);
        Assert.Equal([18m, 15m, 12m], (await rephased.ReadAsync<BenefitView>()).Profile.Select(p => p.Value));
        var future = await app.Api().SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), 20, null), null);
        Assert.Contains("is in the future", (await future.FieldErrorsAsync("measuredOn")).Single(), StringComparison.Ordinal);

        // Half way from the baseline (24 on 1 April 2026) to the first point (18 on 31 March 2027), lower is better.
        var measured = await app.Api().SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 9, 30), 23, "Border Force dashboard"), null);
        Assert.Equal(HttpStatusCode.Created, measured.StatusCode);
        var m = (await measured.ReadAsync<BenefitView>()).Measurements.Single();
        Assert.Equal((21.0m, 2.0m, true), (decimal.Round(m.Planned!.Value, 1), decimal.Round(m.Variance!.Value, 1), m.Behind));

        var unit = await app.Api().GetUnitAsync(project.Code);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/close", null, $"\"{unit.Version}\"")).StatusCode);
        var afterClose = await app.Api().SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 11, 30), 19, null), null);
        Assert.Equal(HttpStatusCode.Created, afterClose.StatusCode);
        Assert.False((await afterClose.ReadAsync<BenefitView>()).Measurements[0].Behind);
    }

    [Fact]
    public async Task BadInput_NamesTheFieldAndReason_AndWritesNothing()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var bad = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(Guid.NewGuid(), "NOWHERE") with
        {
            Title = " ", Category = "gold", BaselineDate = new DateOnly(2027, 4, 1), TargetDate = new DateOnly(2026, 4, 1),
            MonetisedValue = new Steward.Features.Finance.AmountText("£1.2.3m"),
        }, null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is before the baseline date", (await bad.FieldErrorsAsync("targetDate")).Single(), StringComparison.Ordinal);
        Assert.Contains("'£1.2.3m' is not an amount", (await bad.FieldErrorsAsync("monetisedValue")).Single(), StringComparison.Ordinal);
        Assert.Contains("must be a person in Steward", (await bad.FieldErrorsAsync("ownerId")).Single(), StringComparison.Ordinal);
        Assert.Contains("There is no unit 'NOWHERE'", (await bad.FieldErrorsAsync("owningUnit")).Single(), StringComparison.Ordinal);
        Assert.NotEmpty(await bad.FieldErrorsAsync("title"));
        Assert.NotEmpty(await bad.FieldErrorsAsync("category"));
        Assert.Empty((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items);

        // A viewer reads the register but cannot add to it.
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code)));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/units/{project.Code}/benefits", Ct)).StatusCode);
        var refused = await viewer.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null), null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task TheRollUp_ShowsWorthByYear_AndABenefitBehindBeyondTolerance_EscalatedToTheLevelThatHoldsIt()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/tolerances", new { benefits = new { under = 10 } }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/tolerances", new { benefits = new { under = 80 } }, null)).StatusCode);
        var profile = new List<ProfilePointInput> { new(new DateOnly(2027, 3, 31), 18, new Steward.Features.Finance.AmountText("£600k")), new(new DateOnly(2028, 3, 31), 12, new Steward.Features.Finance.AmountText("£1.2m")) };
        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Status = "in-realisation", Profile = profile }, null);
        var benefit = await created.ReadAsync<BenefitView>();
        var address = $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}";

        // Planned 21 minutes on 30 September 2026 (a quarter of the way from 24 to 12); 23 is a twelfth of the way: two thirds behind.
        var measured = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 9, 30), 23, null), null)).ReadAsync<BenefitView>();
        Assert.Equal(-66.67m, measured.DeviationPercent);
        Assert.True(measured.Tolerance!.Breached);
        Assert.Equal(programme.Code, measured.Tolerance.HeldAt!.Code);

        var rollup = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/benefits/realisation", Ct)).ReadAsync<BenefitRollupView>();
        Assert.Equal(1, rollup.Benefits);
        // Worth a year by each year's end: planned from the profile's money, realised as the full £1.2m times the share measured
        // (nothing yet in a year to come).
        Assert.Equal([("2026-27", 600_000m, 100_000m, true), ("2027-28", 1_200_000m, 0m, false)], rollup.Years.Select(y => (y.Year, y.Planned.Pounds, y.Realised.Pounds, y.AnyMeasured)));
        var breach = Assert.Single(rollup.Breaches);
        Assert.Equal((benefit.Reference, 10m, project.Code, programme.Code), (breach.Reference, breach.Limit, breach.LimitSetAt.Code, breach.EscalatedTo!.Code));
        Assert.Contains(rollup.Counts, c => c is { Category: "non-cash-releasing", Status: "in-realisation", Benefits: 1 });

        // Measured on plan, it is within tolerance and leaves the list; the roll-up follows.
        // (20 on 30 November 2026 is on the line from 24 to 18, a third of the way to 12: £400,000 a year.)
        Assert.Equal(HttpStatusCode.Created, (await app.Api().SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 11, 30), 20, null), null)).StatusCode);
        rollup = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits/realisation", Ct)).ReadAsync<BenefitRollupView>();
        Assert.Empty(rollup.Breaches);
        Assert.Equal([400_000m, 0m], rollup.Years.Select(y => y.Realised.Pounds));
        var csv = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits/realisation/export?format=csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Matches("\"2026-27\",\"non-cash-releasing\",\"600000(\\.00)?\",\"400000(\\.00)?\",\"-200000(\\.00)?\"", csv);
    }

    [Fact]
    public async Task CloseOut_AsksWhoOwnsEachOpenBenefit_AndHandsThemOverAllOrNothing()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var open = await (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Status = "in-realisation" }, null)).ReadAsync<BenefitView>();
        await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Status = "withdrawn" }, null);
        var page = await app.Browser().GetStringAsync($"/units/{project.Code}/close", Ct);
        Assert.Contains("1 benefit is still to be realised and will be tracked after", page, StringComparison.Ordinal);

        var address = $"/api/v1/units/{project.Code}/benefits/handover";
        Assert.Equal([open.Reference], (await (await app.Api().GetAsync(address, Ct)).ReadAsync<List<HandoverCandidate>>()).Select(c => c.Reference));
        var bad = await app.Api().SendJsonAsync(HttpMethod.Post, address, new HandoverRequest([new(open.Reference, Guid.NewGuid()), new("B-99999", null)]), null);
        Assert.Contains("a person in Steward", (await bad.FieldErrorsAsync("benefits[0].ownerId")).Single(), StringComparison.Ordinal);
        Assert.Contains("There is no benefit 'B-99999'", (await bad.FieldErrorsAsync("benefits[1].reference")).Single(), StringComparison.Ordinal);
        Assert.Null((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/benefits/{open.Reference}", Ct)).ReadAsync<BenefitView>()).HandedOverOn);

        var business = await app.CreatePersonAsync("Bea Business");
        var handed = await app.Api().SendJsonAsync(HttpMethod.Post, address, new HandoverRequest([new(open.Reference, business.Id)]), null);
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var benefit = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/benefits/{open.Reference}", Ct)).ReadAsync<BenefitView>();
        Assert.Equal((business.Id, DateOnly.FromDateTime(DateTime.UtcNow)), (benefit.Owner!.Id, benefit.HandedOverOn!.Value));
        Assert.DoesNotContain("still to be realised", await app.Browser().GetStringAsync($"/units/{project.Code}/close", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABenefit_IsLinkedToRaidItems_AndAnUnknownOneIsRefused()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, title: "Carriers are late to connect");
        var bad = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Related = [risk.Reference, "R-99999", "XYZ#4"] }, null);
        Assert.Contains("'R-99999' is not a risk", (await bad.FieldErrorsAsync("related[1]")).Single(), StringComparison.Ordinal);
        Assert.NotEmpty(await bad.FieldErrorsAsync("related[2]"));

        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(null, null) with { Related = [risk.Reference.ToLowerInvariant()] }, null);
        var benefit = await created.ReadAsync<BenefitView>();
        var item = Assert.Single(benefit.Related);
        Assert.Equal((risk.Reference, "Carriers are late to connect"), (item.Reference, item.Title));
        Assert.EndsWith($"/risks/{risk.Reference}", item.Href, StringComparison.Ordinal);

        // Left out, the links are kept; empty, they are removed.
        var kept = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}", Body(null, null), $"\"{benefit.Version}\"");
        var keptView = await kept.ReadAsync<BenefitView>();
        Assert.Single(keptView.Related);
        var cleared = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}", Body(null, null) with { Related = [] }, $"\"{keptView.Version}\"");
        Assert.Empty((await cleared.ReadAsync<BenefitView>()).Related);
    }

    [Fact]
    public async Task ItsOwner_WithNoRole_RecordsMeasurements_AndNobodyElseWithoutTheRoleMay()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var email = $"owner.{Guid.NewGuid():N}@steward.test";
        var ownerId = await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Steward.Features.Accounts.AccountService>().AddAsync(email, "Olu Owner", administrator: false, StewardApp.Password);
            return sp.GetRequiredService<Steward.Data.StewardDbContext>().People.Single(p => p.Email == email).Id;
        });
        var created = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/benefits", Body(ownerId, null), null);
        var benefit = await created.ReadAsync<BenefitView>();
        var address = $"/api/v1/units/{project.Code}/benefits/{benefit.Reference}";
        var owner = app.Api(await app.CreateTokenAsync(email));

        // The owner finds it, reads it and measures it, but sees nothing else of the unit.
        var owned = await (await owner.GetAsync("/api/v1/benefits/owned", Ct)).ReadAsync<List<BenefitSummary>>();
        Assert.Equal([benefit.Reference], owned.Select(b => b.Reference));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(address, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/units/{project.Code}/benefits", Ct)).StatusCode);
        var measured = await owner.SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 9, 30), 22, "Border Force dashboard"), null);
        Assert.Equal(HttpStatusCode.Created, measured.StatusCode);
        Assert.Contains("Olu Owner", (await measured.ReadAsync<BenefitView>()).Measurements.Single().RecordedBy, StringComparison.Ordinal);
        // Not a change of the benefit itself (the unit's register is not theirs to see), and a read-only token records nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.SendJsonAsync(HttpMethod.Put, address, Body(ownerId, null), $"\"{benefit.Version}\"")).StatusCode);
        var readOnly = app.Api(await app.CreateTokenAsync(email, readOnly: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 10, 31), 21, null), null)).StatusCode);

        // A viewer of the programme reads it but may not measure it; someone with no role on it does not see it.
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, programme.Code)));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(address, Ct)).StatusCode);
        var refused = await viewer.SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 10, 31), 21, null), null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stranger = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.BenefitsManager, (await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Portfolio)).Code)));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendJsonAsync(HttpMethod.Post, $"{address}/measurements", new MeasurementInput(new DateOnly(2026, 10, 31), 21, null), null)).StatusCode);
        Assert.Single((await (await app.Api().GetAsync(address, Ct)).ReadAsync<BenefitView>()).Measurements);
    }

    private static BenefitInput Body(Guid? owner, string? owningUnit) => new(
        "Shorter queues at the border", "Median wait for visa-exempt arrivals", owningUnit, owner, "non-cash-releasing", "quantitative", "direct-public-sector", false,
        "Median wait", "minutes", "lower-is-better", "Border Force performance team", "quarterly", 24, new DateOnly(2026, 4, 1), 12, new DateOnly(2028, 3, 31),
        new Steward.Features.Finance.AmountText("£1.2m"), "medium", null);
}

public sealed class BenefitsApiOnSqlite(SqliteApp app) : BenefitsApiTests<SqliteApp>(app);

public sealed class BenefitsApiOnPostgres(PostgresApp app) : BenefitsApiTests<PostgresApp>(app);

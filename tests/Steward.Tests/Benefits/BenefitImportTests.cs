using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Features.Benefits;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Spreadsheets;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Benefits;

// A benefits register imported through the API and the command line on both databases: every row checked
// with the form's rules, every problem by row and column, all rows or none; Steward's own export comes back in.
public abstract class BenefitImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegisterIsImported_AllOrNothing_WithEveryProblemByRowAndColumn()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync("Ola Owner");
        var header = "Benefit,Unit,Benefit owner,Category,Who gains,Which way is better,Baseline value,Baseline date,Target value,Target date,Monetised value a year (£),Status\n";
        var good = $"Shorter queues,{project.Code},{owner.Email},Non-cash releasing,Direct public sector,Lower is better,24,01/04/2026,12,31/03/2028,£1.2m,In realisation\n"
            + "Fewer complaints,,Ola Owner,Wider societal,Wider social,lower-is-better,300,2026-04-01,150,2028-03-31,,identified\n";
        var bad = "Bad dates,,,Cash-releasing,Direct public sector,,10,01/04/2027,5,01/04/2026,£1.2.3m,\n"
            + "No category,NOWHERE,Nobody Known,,Direct public sector,,,,,,,\n";

        var refused = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/benefits/import", Encoding.UTF8.GetBytes(header + good + bad), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("is before the baseline date", Messages(errors, "row 4, Target date"), StringComparison.Ordinal);
        Assert.Contains("'£1.2.3m' is not an amount", Messages(errors, "row 4, Monetised value a year (£)"), StringComparison.Ordinal);
        Assert.Contains("is not an open unit at or below", Messages(errors, "row 5, Unit"), StringComparison.Ordinal);
        Assert.Contains("Nobody Known", Messages(errors, "row 5, Benefit owner"), StringComparison.Ordinal);
        Assert.Empty((await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items);

        var imported = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/benefits/import", Encoding.UTF8.GetBytes(header + good), "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.ReadAsync<ImportReport>()).Imported);
        var register = (await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items;
        Assert.Equal([(project.Code, "Shorter queues", "in-realisation", 1_200_000m), (programme.Code, "Fewer complaints", "identified", 0m)],
            register.Select(b => (b.Unit.Code, b.Title, b.Status, b.MonetisedValue?.Pounds ?? 0m)));
        Assert.All(register, b => Assert.Equal(owner.Id, b.Owner!.Id));

        // The register's own export, read back through the command line into another programme: a dry run first.
        var export = Path.Combine(Path.GetTempPath(), $"benefits-{Guid.NewGuid():N}.xlsx");
        var other = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Programme, portfolio.Id);
        try
        {
            await File.WriteAllBytesAsync(export, await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/benefits/export?format=xlsx", Ct)).Content.ReadAsByteArrayAsync(Ct), Ct);
            // The first row names the project, which is not below the other programme: map the unit column out.
            var dry = await Steward.Tests.Cli.StewardProcess.RunAsync("benefits", "import", "--unit", other.Code, "--file", export, "--map", "Unit=-", "--dry-run", "--database", app.ConnectionString);
            Assert.True(dry.ExitCode == 0, dry.Error + dry.Output);
            Assert.Contains("All 2 rows are valid", dry.Output, StringComparison.Ordinal);
            var run = await Steward.Tests.Cli.StewardProcess.RunAsync("benefits", "import", "--unit", other.Code, "--file", export, "--map", "Unit=-", "--database", app.ConnectionString);
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
            Assert.Contains("Imported 2 benefits", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(export);
        }

        Assert.Equal(2, (await (await app.Api().GetAsync($"/api/v1/units/{other.Code}/benefits", Ct)).ReadAsync<CursorPage<BenefitSummary>>()).Items.Count);
    }

    private static string Messages(JsonElement errors, string key) =>
        errors.TryGetProperty(key, out var found) ? string.Join(" | ", found.EnumerateArray().Select(e => e.GetString())) : $"(no errors at '{key}': {errors})";
}

public sealed class BenefitImportOnSqlite(SqliteApp app) : BenefitImportTests<SqliteApp>(app);

public sealed class BenefitImportOnPostgres(PostgresApp app) : BenefitImportTests<PostgresApp>(app);

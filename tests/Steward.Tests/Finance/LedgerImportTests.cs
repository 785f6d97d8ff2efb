using System.Net;
using System.Text;
using Steward.Features.Finance;
using Steward.Features.Finance.Ledger;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

// A finance system's export into Steward's actuals, on both databases.
public abstract class LedgerImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FinancialYear LastYear = new(FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Start - 1);

    static LedgerImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task CodesAreMapped_AndRemembered_AndAMonthImportedAgainIsReplaced()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var ledgerCode = $"CC-{Guid.NewGuid().ToString("N")[..6]}";
        var csv = $"""
            Cost centre,Posting date,Account,Amount
            {ledgerCode},{LastYear.FirstDayOf(4):yyyy-MM-dd},5100,"(1,200.00)"
            {ledgerCode},{LastYear.FirstDayOf(4):dd/MM/yyyy},5100,£2k
            {project.Code},{LastYear} P5,CDEL,300
            """;
        var url = $"/api/v1/units/{programme.Code}/finance/ledger?code[{ledgerCode}]={project.Code}&account[5100]=rdel-programme";
        var first = await app.Api().PostFileAsync(url, Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        var report = await first.ReadAsync<LedgerReport>();
        Assert.Equal([(project.Code, 4, 0m, 800m), (project.Code, 5, 0m, 300m)], report.Changes.Select(c => (c.Unit, c.Period, c.Before.Pounds, c.After.Pounds)));

        // Next month's file needs no mapping: the code and the account are remembered. Importing P4 again
        // replaces it: the programme category it no longer has goes to nothing.
        var again = $"""
            Cost centre,Period,Account,Amount
            {ledgerCode},P4,CDEL,950.5
            """;
        var second = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/finance/ledger?year={LastYear}", Encoding.UTF8.GetBytes(again), "text/csv");
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync(Ct));
        var replaced = (await second.ReadAsync<LedgerReport>()).Changes.Single();
        Assert.Equal((800m, 950.50m), (replaced.Before.Pounds, replaced.After.Pounds));

        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance?year={LastYear}", Ct)).ReadAsync<FinanceView>();
        Assert.Equal(950.50m + 300m, view.YearPosition.Actuals.Pounds);
        var lines = view.Lines.Where(l => l.Layer == "actual").ToDictionary(l => l.Category);
        Assert.Equal((0m, 950.50m, 300m), (lines["rdel-programme"].Months[3].Pounds, lines["cdel"].Months[3].Pounds, lines["cdel"].Months[4].Pounds));
    }

    [Fact]
    public async Task OneBadRow_AndNothingIsImported_EachProblemNamedByRowAndColumn()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var future = LastYear.Next.Next;
        var csv = $"""
            Cost centre,Period,Account,Amount
            {project.Code},{LastYear} P1,CDEL,100
            NOWHERE-1,{LastYear} P2,CDEL,100
            {project.Code},{LastYear} P13,CDEL,100
            {project.Code},{future} P1,CDEL,100
            {project.Code},{LastYear} P3,GOLD,100
            {project.Code},{LastYear} P3,CDEL,£1.2.3m
            """;
        var response = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/finance/ledger", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'NOWHERE-1' maps to no unit: map it to one of {programme.Code} or the units below it", await response.FieldErrorsAsync("row 3, Cost centre"));
        Assert.Contains("names period 13", (await response.FieldErrorsAsync("row 4, Period")).Single(), StringComparison.Ordinal);
        Assert.Contains("has not started", (await response.FieldErrorsAsync("row 5, Period")).Single(), StringComparison.Ordinal);
        Assert.Contains("'GOLD' maps to no spending category", (await response.FieldErrorsAsync("row 6, Account")).Single(), StringComparison.Ordinal);
        Assert.Contains("'£1.2.3m' is not an amount", (await response.FieldErrorsAsync("row 7, Amount")).Single(), StringComparison.Ordinal);
        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance?year={LastYear}", Ct)).ReadAsync<FinanceView>();
        Assert.Equal(0m, view.WholeLife.Actuals.Pounds);
        Assert.Null(view.Version);

        var notASheet = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/finance/ledger", [0x00, 0x01, 0x02, 0x03, 0x00], "application/octet-stream");
        Assert.Contains("The file is not a spreadsheet", (await notASheet.FieldErrorsAsync("file")).Single(), StringComparison.Ordinal);
        var badMapping = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/finance/ledger?account[5100]=gold", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.NotEmpty(await badMapping.FieldErrorsAsync("account[5100]"));
    }

    [Fact]
    public async Task ADepartmentLedger_ReachesUnitsUnderAnyPortfolio_ForThoseWhoManageTheDepartmentsMoney()
    {
        var (_, _, first) = await app.CreateTreeAsync();
        var (otherPortfolio, _, second) = await app.CreateTreeAsync();
        var csv = $"Cost centre,Period,Account,Amount\r\n{first.Code},{LastYear} P1,CDEL,10\r\n{second.Code},{LastYear} P1,CDEL,20\r\n";
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.FinanceAndBusinessCaseManager, otherPortfolio.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostFileAsync("/api/v1/finance/ledger", Encoding.UTF8.GetBytes(csv), "text/csv")).StatusCode);
        var response = await app.Api().PostFileAsync("/api/v1/finance/ledger", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([first.Code, second.Code], (await response.ReadAsync<LedgerReport>()).Changes.Select(c => c.Unit).Order());
    }

    [Fact]
    public async Task AWindows1252File_WithPoundSigns_AndADryRun_WritesNothing()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var csv = $"Cost centre,Period,Category,Amount\r\n{project.Code},{LastYear} P2,CDEL,\"£1,234.56\"\r\n";
        var bytes = Encoding.GetEncoding(1252).GetBytes(csv);
        var dry = await app.Api().PostFileAsync($"/api/v1/units/{programme.Code}/finance/ledger?dryRun=true", bytes, "text/csv");
        Assert.True(dry.StatusCode == HttpStatusCode.OK, await dry.Content.ReadAsStringAsync(Ct));
        var report = await dry.ReadAsync<LedgerReport>();
        Assert.True(report.DryRun);
        Assert.Equal(1234.56m, report.Changes.Single().After.Pounds);
        Assert.NotNull(report.Encoding);
        Assert.Null((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance", Ct)).ReadAsync<FinanceView>()).Version);
    }
}

public sealed class LedgerImportOnSqlite(SqliteApp app) : LedgerImportTests<SqliteApp>(app);

public sealed class LedgerImportOnPostgres(PostgresApp app) : LedgerImportTests<PostgresApp>(app);

using Steward.Features.Access;
using Steward.Features.History;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// Issue 26: the history in people's words, not the database's.
public sealed class HistoryLabelsTests
{
    [Theory]
    [InlineData("Status", "InProgress", "In progress")]
    [InlineData("Role", "ProgrammeOrProjectManager", "Programme or project manager")]
    [InlineData("EscalatedByHand", "False", "No")]
    [InlineData("StartsAt", "2026-12-05T10:00:00.0000000Z", "5 December 2026 at 10:00am UTC")]
    [InlineData("NextReviewDate", "2027-01-04", "4 January 2027")]
    [InlineData("Title", "McLaren contract", "McLaren contract")]
    [InlineData("Title", "InProgress", "InProgress")]
    public void AValue_ReadsAsTheFormsShowIt(string field, string value, string shown) =>
        Assert.Equal(shown, HistoryLabels.Value(field, value));

    [Fact]
    public void RecordTypes_Fields_AndAccountInternals_AreInPeoplesWords()
    {
        Assert.Equal(["Owner", "Senior responsible owner", "Next review date", "Id"], new[] { "OwnerId", "SroId", "NextReviewDate", "Id" }.Select(HistoryLabels.Field));
        Assert.Equal(["Unit", "Account", "Role", "Plan task"], new[] { "DeliveryUnit", "StewardUser", "RoleAssignment", "PlannedTask" }.Select(HistoryLabels.RecordType));
        Assert.False(HistoryLabels.Shown("StewardUser", "SecurityStamp"));
        Assert.False(HistoryLabels.Shown("StewardUser", "NormalizedEmail"));
        Assert.True(HistoryLabels.Shown("StewardUser", "DisplayName"));

        var passwordChanged = new HistoryEntry(1, "StewardUser", Guid.NewGuid(), "updated", "someone", ChangeChannel.Web, DateTime.UtcNow, 3,
            [new HistoryChange("PasswordHash", "(hidden)", "(hidden)"), new HistoryChange("SecurityStamp", "(hidden)", "(hidden)")]);
        Assert.Equal(["Password changed"], HistoryLabels.AccountEvents(passwordChanged));
    }
}

public abstract class HistoryWordsPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task TheHistoryPage_NamesRecordKindsAndRoles_AsPeopleDo()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, programme.Code);

        var page = await app.Browser().GetPageAsync("/history?RecordType=RoleAssignment");
        var table = page.QuerySelector("main table")!.TextContent;
        Assert.Contains("Role: Programme or project manager", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Role: ProgrammeOrProjectManager", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Person id:", table, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main table td"), td => td.TextContent.TrimStart().StartsWith("Role", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("#RecordType option"), o => o.TextContent == "Account" && o.GetAttribute("value") == "StewardUser");

        var accounts = await app.Browser().GetPageAsync("/history?RecordType=StewardUser");
        Assert.DoesNotContain("Security stamp", accounts.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Normalized email", accounts.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class HistoryWordsPageOnSqlite(SqliteApp app) : HistoryWordsPageTests<SqliteApp>(app);

public sealed class HistoryWordsPageOnPostgres(PostgresApp app) : HistoryWordsPageTests<PostgresApp>(app);

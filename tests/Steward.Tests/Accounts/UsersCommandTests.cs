using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

public abstract class UsersCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task AddListResetDisable_FromTheCommandLine()
    {
        app.RequireDatabase();
        var db = app.ConnectionString;
        var email = $"first.admin.{Guid.NewGuid():N}@test.example";

        var added = await StewardProcess.RunAsync("users", "add", "--email", email, "--name", "First Admin", "--admin", "--database", db);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"Added {email} as an Administrator of the whole department.", added.Output, StringComparison.Ordinal);
        var generated = added.Output.Split('\n').Single(l => l.StartsWith("Password (shown only now): ", StringComparison.Ordinal))["Password (shown only now): ".Length..].Trim();
        Assert.Equal(23, generated.Length);

        var signIn = await app.AnonymousBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = generated });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);

        var reset = await StewardProcess.RunWithInputAsync("lantern meadow copper\n", "users", "reset-password", email, "--database", db);
        Assert.Equal(0, reset.ExitCode);
        Assert.DoesNotContain("shown only now", reset.Output, StringComparison.Ordinal);

        var weak = await StewardProcess.RunWithInputAsync("short\n", "users", "reset-password", email, "--database", db);
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("Password must be 12 characters or more", weak.Error, StringComparison.Ordinal);

        var other = $"second.{Guid.NewGuid():N}@test.example";
        Assert.Equal(0, (await StewardProcess.RunWithInputAsync("river candle orbit\n", "users", "add", "--email", other, "--name", "Second Person", "--database", db)).ExitCode);
        Assert.Equal(0, (await StewardProcess.RunAsync("users", "disable", other, "--database", db)).ExitCode);
        var list = await StewardProcess.RunAsync("users", "list", "--database", db);
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith(other, StringComparison.Ordinal) && l.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith(email, StringComparison.Ordinal) && l.Contains("administrator", StringComparison.Ordinal));

        var unknown = await StewardProcess.RunAsync("users", "disable", "nobody@test.example", "--database", db);
        Assert.Equal(1, unknown.ExitCode);
    }
}

public sealed class UsersCommandOnSqlite(SqliteApp app) : UsersCommandTests<SqliteApp>(app);

public sealed class UsersCommandOnPostgres(PostgresApp app) : UsersCommandTests<PostgresApp>(app);

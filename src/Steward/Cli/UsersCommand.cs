using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Cli;

// Accounts for operators: the first administrator comes from here.
internal static class UsersCommand
{
    private static readonly Argument<string> Email = new("email") { Description = "The account's email address." };

    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's email address; it is also their user name.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's full name.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Make the account an administrator." };
        var add = new Command("add", "Add an account. The password is read from standard input, or generated and printed once.") { email, name, admin };
        add.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (user, generated) = await services.GetRequiredService<AccountService>()
                .AddAsync(parse.GetValue(email), parse.GetValue(name), parse.GetValue(admin), ReadPassword(), ct);
            Console.WriteLine($"Added {user.Email}{(parse.GetValue(admin) ? " as an Administrator of the whole department" : string.Empty)}.");
            PrintGenerated(generated);
            return StewardCommandLine.Success;
        }));

        var list = new Command("list", "List accounts.");
        list.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new
                {
                    u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd,
                    Roles = db.RoleAssignments.Count(a => a.PersonId == u.PersonId && a.RevokedAt == null),
                    Administrator = db.RoleAssignments.Any(a => a.PersonId == u.PersonId && a.RevokedAt == null && a.UnitId == null && a.Role == Features.Access.StewardRole.Administrator),
                })
                .ToListAsync(ct);
            foreach (var user in users)
            {
                var state = user.IsDisabled ? "disabled" : user.LockoutEnd > DateTimeOffset.UtcNow ? "locked" : "active";
                var roles = user.Administrator ? "administrator" : user.Roles == 0 ? "no roles" : $"{user.Roles} {(user.Roles == 1 ? "role" : "roles")}";
                Console.WriteLine($"{user.Email,-40} {state,-9} {roles,-14} {user.DisplayName}");
            }

            return StewardCommandLine.Success;
        }));

        var disable = new Command("disable", "Disable an account and end its sessions.") { Email };
        disable.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            await services.GetRequiredService<AccountService>().DisableAsync(parse.GetValue(Email)!, ct);
            Console.WriteLine($"Disabled {parse.GetValue(Email)}.");
            return StewardCommandLine.Success;
        }));

        var reset = new Command("reset-password", "Set a new password (from standard input, or generated and printed once) and unlock the account.") { Email };
        reset.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var generated = await services.GetRequiredService<AccountService>().ResetPasswordAsync(parse.GetValue(Email)!, ReadPassword(), ct);
            Console.WriteLine($"Reset the password of {parse.GetValue(Email)}.");
            PrintGenerated(generated);
            return StewardCommandLine.Success;
        }));

        var unlock = new Command("unlock", "Unlock an account locked after wrong passwords, keeping its password.") { Email };
        unlock.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            await services.GetRequiredService<AccountService>().UnlockAsync(parse.GetValue(Email)!, ct);
            Console.WriteLine($"Unlocked {parse.GetValue(Email)}.");
            return StewardCommandLine.Success;
        }));

        return new Command("users", "Add, list, disable, unlock and reset the passwords of accounts.") { add, list, disable, unlock, reset };
    }

    // A password typed at a terminal would be echoed, so only a piped one is read.
    private static string? ReadPassword() =>
        Console.IsInputRedirected ? Console.In.ReadLine()?.TrimEnd('\r', '\n') is { Length: > 0 } piped ? piped : null : null;

    private static void PrintGenerated(string? generated)
    {
        if (generated is not null)
        {
            Console.WriteLine($"Password (shown only now): {generated}");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Accounts;

// Accounts for trying Steward out, made only with --demo; the sign-in page lists them in demo mode only.
public static class DemoAccounts
{
    public const string Password = "demo steward portfolio";

    public static readonly (string Email, string Name, bool Administrator, string Description)[] All =
    [
        ("joanne.price@dpp.example", "Joanne Price", true, "Head of Portfolio Office, administrator"),
        ("aisha.karim@dpp.example", "Aisha Karim", false, "Programme Director, Digital Borders"),
        ("chloe.bennett@dpp.example", "Chloe Bennett", false, "Project Manager, Electronic Travel Authorisation"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var db = services.GetRequiredService<StewardDbContext>();
        foreach (var (email, name, administrator, _) in All)
        {
            if (!await db.Users.AnyAsync(u => u.Email == email, ct))
            {
                await accounts.AddAsync(email, name, administrator, Password, ct);
            }
        }
    }
}

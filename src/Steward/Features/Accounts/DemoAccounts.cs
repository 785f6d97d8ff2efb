using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;

namespace Steward.Features.Accounts;

// Accounts for trying Steward out, one per role, made only with --demo; the sign-in page lists them in
// demo mode only. Most are people the demo department already names on its units.
public static class DemoAccounts
{
    public const string Password = "demo steward portfolio";

    public static readonly (string Email, string Name, StewardRole? Role, string? Unit, string Description)[] All =
    [
        ("sam.taylor@dpp.example", "Sam Taylor", StewardRole.Administrator, null, "Administrator, whole department"),
        ("joanne.price@dpp.example", "Joanne Price", StewardRole.PmoManager, null, "PMO Manager, whole department"),
        ("kwame.asante@dpp.example", "Kwame Asante", StewardRole.PmoSupportOfficer, "DPP-PFL-001", "PMO Support Officer, Borders and Immigration Portfolio"),
        ("eleanor.shaw@dpp.example", "Eleanor Shaw", StewardRole.Planner, null, "Planner, whole department"),
        ("ben.carter@dpp.example", "Ben Carter", StewardRole.RiskAndIssuesManager, "DPP-PRG-002", "Risk and Issues Manager, Immigration Casework Transformation"),
        ("grace.mensah@dpp.example", "Grace Mensah", StewardRole.BenefitsManager, "DPP-PFL-001", "Benefits Manager, Borders and Immigration Portfolio"),
        ("thomas.achebe@dpp.example", "Thomas Achebe", StewardRole.FinanceAndBusinessCaseManager, null, "Finance and Business Case Manager, whole department"),
        ("irene.novak@dpp.example", "Irene Novak", StewardRole.ResourceManager, "DPP-PFL-002", "Resource Manager, Corporate Services Portfolio"),
        ("tom.fletcher@dpp.example", "Tom Fletcher", StewardRole.StakeholderManager, "DPP-PRG-001", "Stakeholder Manager, Digital Borders Programme"),
        ("hannah.reid@dpp.example", "Hannah Reid", StewardRole.AssuranceManager, null, "Assurance Manager, whole department"),
        ("owen.blake@dpp.example", "Owen Blake", StewardRole.ConfigurationManager, "DPP-PFL-001", "Configuration Manager, Borders and Immigration Portfolio"),
        ("helen.okafor@dpp.example", "Helen Okafor", StewardRole.Sro, "DPP-PFL-001", "SRO, Borders and Immigration Portfolio"),
        ("aisha.karim@dpp.example", "Aisha Karim", StewardRole.ProgrammeOrProjectManager, "DPP-PRG-001", "Programme Director, Digital Borders Programme"),
        ("chloe.bennett@dpp.example", "Chloe Bennett", StewardRole.Contributor, "DPP-PRJ-001", "Contributor, Electronic Travel Authorisation"),
        ("priya.raman@dpp.example", "Priya Raman", StewardRole.Viewer, "DPP-PRG-002", "Viewer, Immigration Casework Transformation"),
        // In the business, outside the programmes: owns a benefit and records its measurements, with no role.
        ("marcus.whitfield@dpp.example", "Marcus Whitfield", null, null, "Benefit owner with no role (Director of Digital Services)"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var roles = services.GetRequiredService<RoleService>();
        var db = services.GetRequiredService<StewardDbContext>();
        foreach (var (email, name, role, unit, _) in All)
        {
            if (!await db.Users.AnyAsync(u => u.Email == email, ct))
            {
                await accounts.AddAsync(email, name, administrator: false, Password, ct);
                if (role is { } granted)
                {
                    await roles.GrantAsync(email, granted, unit, ct);
                }
            }
        }
    }

    // The demo accounts that still sign in with the demo password: served outside demo mode, anyone who
    // has read the README could sign in as the demo's Administrator. Only accounts that exist are checked,
    // so a real department's database costs one query.
    public static async Task<IReadOnlyList<string>> StillOnTheDemoPasswordAsync(IServiceProvider services, CancellationToken ct)
    {
        var emails = All.Select(a => a.Email).ToList();
        var users = await services.GetRequiredService<StewardDbContext>().Users.AsNoTracking()
            .Where(u => emails.Contains(u.Email!) && !u.IsDisabled && u.PasswordHash != null).ToListAsync(ct);
        var hasher = services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<StewardUser>>();
        return [.. users.Where(u => hasher.VerifyHashedPassword(u, u.PasswordHash!, Password) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed).Select(u => u.Email!)];
    }
}

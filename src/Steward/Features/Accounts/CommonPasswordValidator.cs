using Microsoft.AspNetCore.Identity;

namespace Steward.Features.Accounts;

// As the NCSC advises: length over complexity, and refuse the passwords attackers try first: the
// 49,000 found most often in breaches (zxcvbn-ts's list, installed from npm by the build beside the
// executable as data/common-passwords.json; OWASP ASVS 2.1.7 asks for at least the top 10,000), and a
// few that a UK department's staff would reach for.
internal sealed class CommonPasswordValidator : IPasswordValidator<StewardUser>
{
    private static readonly Lazy<HashSet<string>> Breached = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "common-passwords.json");
        using var file = File.Exists(path) ? File.OpenRead(path)
            : throw new FileNotFoundException($"The list of breached passwords is missing from {path}; build Steward again (npm installs it).", path);
        return new HashSet<string>(System.Text.Json.JsonSerializer.Deserialize<string[]>(file) ?? [], StringComparer.OrdinalIgnoreCase);
    });

    public static bool IsBreached(string password) => Breached.Value.Contains(password) || Common.Contains(password);

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "123456789012", "0987654321", "1111111111", "0000000000", "1q2w3e4r5t", "1q2w3e4r5t6y",
        "1qaz2wsx3edc", "qwertyuiop", "qwerty12345", "qwerty123456", "qwertyuiop123", "asdfghjkl1", "zxcvbnm123", "abcdefghij",
        "abc1234567", "password12", "password123", "password1234", "password!!", "passw0rd123", "p@ssw0rd123", "iloveyou12",
        "iloveyou123", "letmein123", "welcome123", "welcome1234", "changeme123", "administrator", "admin12345", "admin123456",
        "football123", "baseball123", "sunshine123", "princess123", "monkey12345", "dragon12345", "trustno1234", "superman123",
        "starwars123", "whatever123", "computer123", "internet123", "liverpool123", "chelsea1234", "arsenal1234", "manchester1",
        "summer2025!", "summer2026!", "winter2025!", "winter2026!", "spring2026!", "autumn2026!", "steward123", "steward2026",
        "portfolio1", "portfolio123", "programme123", "project123", "government1", "government123", "homeoffice1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StewardUser> manager, StewardUser user, string? password)
    {
        var text = password ?? string.Empty;
        if (IsBreached(text) || text.Distinct().Count() <= 2)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Choose a password that is harder to guess: this one is among the first that attackers try" }));
        }

        var mailbox = user.Email?.Split('@')[0];
        if (mailbox is { Length: >= 4 } && text.Contains(mailbox, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "Your password must not contain your email address" }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}

using Microsoft.AspNetCore.Identity;

namespace Steward.Features.Accounts;

public static class AccountRules
{
    // OWASP ASVS 2.1.1.
    public const int MinimumPasswordLength = 12;
    public const int FailuresBeforeLockout = 10;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = FailuresBeforeLockout;
        options.Lockout.DefaultLockoutTimeSpan = Lockout;
    }
}

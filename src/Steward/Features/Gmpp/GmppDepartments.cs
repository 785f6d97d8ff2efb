using System.Text.RegularExpressions;

namespace Steward.Features.Gmpp;

// Department codes as files write them (DoH, DOH, DH; MoJ, MOJ; "DoH Capital"), read as one code each.
// A cell naming two departments (a joint project, "DEFRA & DFT") gives no code: the department must be
// chosen by a person. The problem says what is wrong; each caller says what happens next.
public static partial class GmppDepartments
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DOH"] = "DH",
        ["DEPARTMENT OF HEALTH"] = "DH",
        ["MINISTRY OF DEFENCE"] = "MOD",
        ["MINISTRY OF JUSTICE"] = "MOJ",
        ["HOME OFFICE"] = "HO",
        ["CABINET OFFICE"] = "CO",
        ["DEPARTMENT FOR TRANSPORT"] = "DFT",
    };

    [GeneratedRegex(@"\s*(&|\band\b|/|\+|,)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Joint();

    [GeneratedRegex(@"\s+(NON[\s-]?CAPITAL|CAPITAL|RESOURCE)$", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetSuffix();

    [GeneratedRegex(@"^[A-Z][A-Z&]{0,11}$")]
    private static partial Regex Code();

    public static (string? Code, string? Problem) Read(string text)
    {
        var tidy = GmppValues.Tidy(text);
        if (Aliases.TryGetValue(tidy, out var named))
        {
            return (named, null);
        }

        if (Joint().IsMatch(tidy) && !tidy.Equals("NS&I", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"'{tidy}' names more than one department");
        }

        var code = BudgetSuffix().Replace(tidy, string.Empty).ToUpperInvariant();
        code = Aliases.GetValueOrDefault(code, code);
        return Code().IsMatch(code) ? (code, null) : (null, $"'{tidy}' is not a department code");
    }
}

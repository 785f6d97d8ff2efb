using Steward.Infrastructure.Registers;

namespace Steward.Features.MyWork;

[PageLinks]
public static class MyWorkLinks
{
    public const string Index = "/my-work";

    public static string Filtered(string? kind, string? unit) =>
        Index + QueryString.Create(new Dictionary<string, string?> { ["kind"] = kind, ["unit"] = unit }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

using Steward.Infrastructure.Registers;

namespace Steward.Features.Tokens;

// The addresses of the API token pages.
[PageLinks]
public static class TokenLinks
{
    public static string Index => "/account/tokens";

    public static string Create => "/account/tokens/new";
}

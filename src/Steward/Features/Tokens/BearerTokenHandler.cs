using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Steward.Features.Accounts;

namespace Steward.Features.Tokens;

// "Authorization: Bearer stw_..." on /api/v1. A missing header is no answer (anonymous); a malformed,
// unknown, expired or revoked token is a failure, which the challenge turns into 401.
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string ReadOnlyClaim = "steward:read_only";
    public const string TokenNameClaim = "steward:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync() =>
        await AuthenticateAsync(Request.Headers.Authorization, tokens, Context.RequestAborted);

    // Shared with ApiTokenAuthentication, which calls it without a handler for API requests that carry a token.
    public static async ValueTask<AuthenticateResult> AuthenticateAsync(string? header, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer\" followed by a Steward API token.");
        }

        var owner = await tokens.FindOwnerAsync(header["Bearer ".Length..].Trim(), ct);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is malformed, unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, owner.UserId.ToString()),
                new Claim(ClaimTypes.Name, owner.Email),
                new Claim(StewardClaimsFactory.DisplayName, owner.DisplayName),
                new Claim(TokenNameClaim, owner.TokenName),
                new Claim(ReadOnlyClaim, owner.IsReadOnly ? "true" : "false"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count > 0
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return Task.CompletedTask;
    }
}

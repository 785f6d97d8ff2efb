using System.CommandLine;
using System.Globalization;
using Steward.Features.Accounts;
using Steward.Features.Tokens;

namespace Steward.Cli;

// Personal API tokens made by an operator for someone's account: shown once, stored hashed.
internal static class TokensCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What will use the token.", DefaultValueFactory = _ => "Command line" };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may read but never change anything." };
        var expires = new Option<string?>("--expires") { Description = $"Last day the token works, as YYYY-MM-DD (default: {TokenService.DefaultDays} days from today)." };
        var create = new Command("create", "Make an API token for an account and print it once.") { email, name, readOnly, expires };
        create.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var expiry = parse.GetValue(expires) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("expires", "Expiry date must be a real date written YYYY-MM-DD")])
                : (DateOnly?)null;
            var user = await services.GetRequiredService<AccountService>().RequireAsync(parse.GetValue(email)!);
            var (token, secret) = await services.GetRequiredService<TokenService>().CreateAsync(user.Id, parse.GetValue(name), parse.GetValue(readOnly), expiry, ct);
            Console.WriteLine($"Created {(token.IsReadOnly ? "a read-only" : "a")} token '{token.Name}' for {user.Email}, valid to the end of {DateOnly.FromDateTime(token.ExpiresAt.AddDays(-1)):yyyy-MM-dd} ({token.Id}).");
            Console.WriteLine($"Token (shown only now): {secret}");
            return StewardCommandLine.Success;
        }));

        var of = new Option<string>("--email") { Description = "The account whose tokens to list.", Required = true };
        var list = new Command("list", "List an account's tokens (never the secrets).") { of };
        list.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var user = await services.GetRequiredService<AccountService>().RequireAsync(parse.GetValue(of)!);
            foreach (var token in await services.GetRequiredService<TokenService>().ListAsync(user.Id, ct))
            {
                var state = token.RevokedAt is not null ? "revoked" : token.ExpiresAt <= DateTime.UtcNow ? "expired" : "active";
                Console.WriteLine($"{token.Id}  {token.Prefix}…  {state,-8} {(token.IsReadOnly ? "read-only " : "read-write")} {token.Name}");
            }

            return StewardCommandLine.Success;
        }));

        var id = new Argument<Guid>("id") { Description = "The token's id, as 'steward tokens list' shows it." };
        var revoke = new Command("revoke", "Revoke a token at once.") { id };
        revoke.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            await services.GetRequiredService<TokenService>().RevokeAsync(parse.GetValue(id), null, ct);
            Console.WriteLine($"Revoked token {parse.GetValue(id)}.");
            return StewardCommandLine.Success;
        }));

        return new Command("tokens", "Create, list and revoke personal API tokens.") { create, list, revoke };
    }
}

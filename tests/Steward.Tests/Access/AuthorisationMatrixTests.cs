using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// Every page and API endpoint, found from the app's own endpoint data source so that new ones are
// covered without editing this test, asked by every role held on one programme: about a project in
// that programme (in scope) and one in another portfolio (out of scope), and by nobody at all.
public abstract class AuthorisationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static readonly HashSet<string> Reads = [HttpMethods.Get];

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRole_AsThePermissionMatrixSays()
    {
        app.RequireDatabase();
        var (_, programme, inScope) = await app.CreateTreeAsync();
        var (_, _, outOfScope) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync();
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.Pattern == "/units/{code}");
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/units/{unit}");

        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        foreach (var role in Enum.GetValues<StewardRole>())
        {
            var email = await app.AddAccountWithRoleAsync(role, programme.Code);
            var browser = app.Browser(await app.SignInAsync(email));
            var api = app.Api(await app.CreateTokenAsync(email));
            foreach (var endpoint in endpoints.Where(e => !e.IsAnonymous))
            {
                foreach (var (unit, scoped) in new[] { (inScope, true), (outOfScope, false) })
                {
                    var url = await UrlAsync(endpoint, unit, person.Id, email);
                    var response = await SendAsync(endpoint.IsApi ? api : browser, endpoint.Method, url);
                    var expected = Expected(endpoint, role, scoped);
                    outcomes[expected] = outcomes.GetValueOrDefault(expected) + 1;
                    if (!Matches(expected, endpoint.Method, response.StatusCode))
                    {
                        failures.Add($"{role} {endpoint.Method} {url}: expected {expected}, got {(int)response.StatusCode}");
                    }

                    if (!endpoint.IsUnitScoped)
                    {
                        break; // the same request either way
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // The test proves something only if it saw each kind of answer many times.
        Assert.All(new[] { "allowed", "403", "404" }, kind => Assert.True(outcomes.GetValueOrDefault(kind) > 50, $"only {outcomes.GetValueOrDefault(kind)} requests expected {kind}"));
    }

    [Fact]
    public async Task Anonymous_GetsSignInForPages_And401ForTheApi()
    {
        app.RequireDatabase();
        var (_, _, project) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !e.IsAnonymous))
        {
            var url = await UrlAsync(endpoint, project, person.Id);
            var response = await SendAsync(endpoint.IsApi ? app.AnonymousApi() : app.AnonymousBrowser(), endpoint.Method, url);
            var ok = endpoint.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/sign-in", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{endpoint.Method} {url}: got {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    // Every endpoint says who may use it: anyone, any signed-in person, or a cell of the matrix.
    [Fact]
    public void EveryEndpoint_DeclaresItsAccess()
    {
        app.RequireDatabase();
        var undeclared = Endpoints().Where(e => !e.IsAnonymous && e.Requires is null && !e.AnySignedIn).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.Empty(undeclared);
    }

    private List<EndpointCase> Endpoints()
    {
        var cases = new List<EndpointCase>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>();
            // A page is asked for once, and posted to once per POST handler (sent empty: allowed means it got
            // past access to the antiforgery check), with what that handler declares it needs.
            List<(string Method, string? Handler)> methods = page is not null
                ? [(HttpMethods.Get, null), .. page.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)).Select(h => (HttpMethods.Post, h.Name))]
                : [.. (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]).Select(m => (m, (string?)null))];
            foreach (var (method, handler) in methods)
            {
                var requires = method == HttpMethods.Post && page is not null
                    ? endpoint.Metadata.GetOrderedMetadata<PostRequiresAttribute>().FirstOrDefault(p => string.Equals(p.Handler, handler, StringComparison.OrdinalIgnoreCase))?.Requires
                    : null;
                cases.Add(new EndpointCase(
                    handler is null ? pattern : $"{pattern}?handler={handler}",
                    endpoint.RoutePattern,
                    method,
                    pattern.StartsWith("/api/", StringComparison.Ordinal),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    endpoint.Metadata.GetMetadata<AnySignedInAttribute>() is not null,
                    requires ?? endpoint.Metadata.GetMetadata<RequiresAttribute>()));
            }
        }

        return cases.DistinctBy(c => (c.Pattern, c.Method)).ToList();
    }

    private static string Expected(EndpointCase endpoint, StewardRole role, bool inScope)
    {
        if (endpoint.IsAnonymous || endpoint.AnySignedIn || endpoint.Requires is null)
        {
            return "allowed";
        }

        var requires = endpoint.Requires;
        if (endpoint.IsUnitScoped)
        {
            return !inScope ? "404" : PermissionMatrix.Allows(role, requires.Area, requires.Action) ? "allowed" : "403";
        }

        // Every role here is held on a programme, never on the whole department.
        return !requires.WholeDepartment && PermissionMatrix.Allows(role, requires.Area, requires.Action) ? "allowed" : "403";
    }

    // A read that is allowed succeeds. A write is sent empty, so allowed means it got past access to
    // the request's own checks (400, 409, 412, 428), never 401, 403 or 404.
    private static bool Matches(string expected, string method, HttpStatusCode status) => expected switch
    {
        "allowed" when Reads.Contains(method) => (int)status is >= 200 and < 300,
        // 503: let in, and told the server lacks what the work needs (board packs without Chromium, as in this suite).
        "allowed" => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) && ((int)status < 500 || status == HttpStatusCode.ServiceUnavailable),
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
    };

    // Each feature's tests say what goes in their own route parameters (IMatrixRouteValues); the few
    // that belong to no feature (units, people, roles, tokens, the API document) are answered here.
    private static readonly IReadOnlyList<IMatrixRouteValues> FeatureRouteValues = typeof(AuthorisationMatrixTests<>).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMatrixRouteValues).IsAssignableFrom(t))
        .Select(t => (IMatrixRouteValues)Activator.CreateInstance(t)!).ToList();

    private async Task<string> UrlAsync(EndpointCase endpoint, DeliveryUnit unit, Guid personId, string? account = null)
    {
        var url = endpoint.Pattern;
        foreach (var parameter in endpoint.Route.Parameters)
        {
            var value = parameter.Name switch
            {
                "unit" or "code" => unit.Code,
                "change" => "close",
                "documentName" => "v1",
                "id" when url.Contains("/people/", StringComparison.Ordinal) => personId.ToString(),
                "id" when url.Contains("/roles/", StringComparison.Ordinal) => (await FreshAssignmentAsync(unit)).ToString(),
                "id" when url.Contains("/tokens", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => await FeatureValueAsync(parameter.Name, new MatrixRoute(app, unit, personId, account, url))
                    ?? throw new InvalidOperationException($"The matrix test does not know what to put in {{{parameter.Name}}} of {endpoint.Pattern}; teach it with an IMatrixRouteValues beside the feature's tests."),
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "(:[^}]*)?\\??\\}", Uri.EscapeDataString(value));
        }

        // An evaluation needs the value to evaluate.
        return url.EndsWith("/evaluation", StringComparison.Ordinal) ? url + "?value=1" : url;
    }

    private static async Task<string?> FeatureValueAsync(string parameter, MatrixRoute route)
    {
        foreach (var values in FeatureRouteValues)
        {
            if (await values.ValueAsync(parameter, route) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    // A Viewer on the unit, so that a removal allowed here has something of its own to remove.
    private Task<Guid> FreshAssignmentAsync(DeliveryUnit unit) =>
        app.WithServicesAsync(async sp =>
        {
            var person = await app.CreatePersonAsync("Assigned Person");
            return (await sp.GetRequiredService<RoleService>().GrantAsync(person.Email, StewardRole.Viewer, unit.Code)).Id;
        });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != HttpMethods.Get && method != HttpMethods.Delete)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private sealed record EndpointCase(string Pattern, RoutePattern Route, string Method, bool IsApi, bool IsAnonymous, bool AnySignedIn, RequiresAttribute? Requires)
    {
        public bool IsUnitScoped => Route.Parameters.Any(p => p.Name is "unit" or "code");
    }
}

public sealed class AuthorisationMatrixOnSqlite(SqliteApp app) : AuthorisationMatrixTests<SqliteApp>(app);

public sealed class AuthorisationMatrixOnPostgres(PostgresApp app) : AuthorisationMatrixTests<PostgresApp>(app);

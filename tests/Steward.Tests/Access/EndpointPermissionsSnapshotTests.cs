using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// Every API endpoint and every page handler (each GET and POST handler of each page) with what it
// requires, against a snapshot committed beside this test: a new endpoint, or a changed requirement,
// shows in review as a change to that file. STEWARD_UPDATE_SNAPSHOTS=1 writes the file afresh.
public sealed class EndpointPermissionsSnapshotTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string SnapshotPath = Path.Combine(FindTestsFolder(), "Access", "endpoint-permissions.txt");

    [Fact]
    public void EveryEndpointAndPageHandler_RequiresWhatTheSnapshotSays()
    {
        app.RequireDatabase();
        var lines = Lines();
        if (Environment.GetEnvironmentVariable("STEWARD_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllLines(SnapshotPath, lines);
        }

        var committed = File.Exists(SnapshotPath) ? File.ReadAllLines(SnapshotPath) : [];
        var added = lines.Except(committed).ToList();
        var gone = committed.Except(lines).ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            $"The endpoints' requirements differ from {SnapshotPath} (STEWARD_UPDATE_SNAPSHOTS=1 rewrites it, for review):\n"
            + string.Join('\n', added.Select(l => "+ " + l).Concat(gone.Select(l => "- " + l))));
    }

    // A write through the API that asks only for the right to read would let a Viewer change things. The
    // one exception: a calendar feed is a person's own subscription to what they may read, not a change to
    // the unit's records, so anyone who may read the unit's governance may make and revoke their own.
    [Fact]
    public void NoApiWrite_IsDeclaredAsARead()
    {
        app.RequireDatabase();
        var writesAsReads = Lines().Where(l => l.StartsWith("API ", StringComparison.Ordinal) && !l.StartsWith("API GET ", StringComparison.Ordinal) && l.EndsWith(":read", StringComparison.Ordinal)
            && !l.Contains("/calendar-feeds", StringComparison.Ordinal)).ToList();
        Assert.True(writesAsReads.Count == 0, string.Join('\n', writesAsReads));
    }

    // The same for pages: a POST handler that changes records says so with [PostRequires], so a Viewer is
    // refused before the handler runs. The exceptions, each checked by its service where the change lands:
    // calendar feeds (a person's own subscription, as in the API); a dependency's page, which is shown under
    // the needing and the providing unit alike while its changes are the needing unit's (DependencyRegister
    // demands them there); and a tolerance page, whose area is its dimension's (ToleranceService demands
    // approve in it).
    [Fact]
    public void NoPageWrite_IsDeclaredAsARead()
    {
        app.RequireDatabase();
        string[] exceptions = ["/units/{code}/calendar ", "/units/{code}/dependencies/{reference} ", "/units/{code}/tolerances/{dimension} "];
        var writesAsReads = Lines().Where(l => l.StartsWith("PAGE POST ", StringComparison.Ordinal) && l.EndsWith(":read", StringComparison.Ordinal)
            && !exceptions.Any(e => l.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(writesAsReads.Count == 0, string.Join('\n', writesAsReads));
    }

    private List<string> Lines()
    {
        var lines = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var requirement = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? "anonymous"
                : endpoint.Metadata.GetMetadata<AnySignedInAttribute>() is not null ? "signed-in"
                : endpoint.Metadata.GetMetadata<RequiresAttribute>() is { } requires ? $"{requires.Area}:{requires.Action}".ToLowerInvariant()
                : "undeclared";
            // The record's owner gets in without the role ([OwnerMay]): a benefit owner measuring their benefit.
            var owner = endpoint.Metadata.GetMetadata<OwnerMayAttribute>() is null ? "" : " or its owner";
            requirement += owner;
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                // A POST handler may need more than viewing the page does ([PostRequires]).
                var posts = endpoint.Metadata.GetOrderedMetadata<PostRequiresAttribute>();
                lines.AddRange(page.HandlerMethods.Select(h =>
                    $"PAGE {h.HttpMethod.ToUpperInvariant()} {pattern}{(h.Name is null ? "" : $" ({h.Name})")} -> "
                    + (h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase) && posts.FirstOrDefault(p => string.Equals(p.Handler, h.Name, StringComparison.OrdinalIgnoreCase)) is { } post
                        ? $"{post.Requires.Area}:{post.Requires.Action}".ToLowerInvariant() + owner
                        : requirement)));
            }
            else
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                {
                    lines.Add($"{(pattern.StartsWith("/api/", StringComparison.Ordinal) ? "API" : "APP")} {method} {pattern} -> {requirement}");
                }
            }
        }

        return [.. lines.Distinct().Order(StringComparer.Ordinal)];
    }

    private static string FindTestsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The Steward.Tests folder was not found above " + AppContext.BaseDirectory);
    }
}

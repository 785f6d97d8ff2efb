using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Steward.Infrastructure.Registers;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Registers;

// Every typed page address (a method of a [PageLinks] class) is the address of one of the app's pages,
// so a page whose route moves fails here instead of leaving links to it dead.
public sealed class PageLinksTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void EveryTypedLink_IsTheAddressOfAPage()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()))
            .ToList();
        var links = typeof(PageLinksAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttribute<PageLinksAttribute>() is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string)))
            .ToList();
        Assert.NotEmpty(links);

        var dead = new List<string>();
        foreach (var link in links)
        {
            foreach (var path in SamplesOf(link))
            {
                var bare = path.Split('?', '#')[0];
                if (!pages.Any(p => p.TryMatch(bare, new RouteValueDictionary())))
                {
                    dead.Add($"{link.DeclaringType!.Name}.{link.Name} gives {path}, which is no page's address");
                }
            }
        }

        Assert.True(dead.Count == 0, string.Join('\n', dead));
    }

    // The method called with every optional parameter left out, then with each given.
    private static IEnumerable<string> SamplesOf(MethodInfo link)
    {
        var parameters = link.GetParameters();
        object? Sample(ParameterInfo p, bool give) =>
            !give && p.IsOptional ? null
            : p.ParameterType == typeof(int) || p.ParameterType == typeof(int?) ? 7
            : p.ParameterType == typeof(long) ? 7L
            : p.ParameterType == typeof(Guid) ? Guid.CreateVersion7()
            : (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is { IsEnum: true } choice ? Enum.GetValues(choice).GetValue(0)
            : p.Name switch { "reference" => "R-0007", "register" => "issues", "dimension" => "cost", "change" => "close", "step" => "reopen", "query" => "status=all", "fragment" => "actions", _ => "TST-PRJ-001" };
        yield return (string)link.Invoke(null, parameters.Select(p => Sample(p, false)).ToArray())!;
        yield return (string)link.Invoke(null, parameters.Select(p => Sample(p, true)).ToArray())!;
    }
}

using Steward.Features.Access;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Gmpp;

// The Government Major Projects Portfolio: a unit's GMPP entry, its published data by year, and moving a
// department in from its published files.
internal sealed class GmppModule : IStewardModule
{
    public DemoSeed Demo => new(95, DemoGmpp.SeedAsync);

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GmppImport>();
        services.AddScoped<GmppQueries>();
        services.AddScoped<GmppMembershipService>();
        services.AddScoped<GmppReturns>();
        services.AddSingleton<GmppUploads>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapGmppApi();

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.GmppCommand.Create()];

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(18, "GMPP data", "gmpp", "of", PmoArea.Reporting)];
}

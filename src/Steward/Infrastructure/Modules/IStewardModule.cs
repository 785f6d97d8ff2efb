namespace Steward.Infrastructure.Modules;

// A PMO service that adds itself: its services, endpoints, unit-page links, commands and demo data are
// declared in its own folder, and the hosts (web and command line) find every module once, at start-up,
// instead of keeping lists by hand.
// Its tables come in through its own part of StewardDbContext and its IEntityTypeConfiguration classes.
public interface IStewardModule
{
    void AddServices(IServiceCollection services);

    // app is the whole application (for addresses outside /api/v1, such as calendar feeds); api is /api/v1.
    void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
    }

    // Its links on a unit's page (Features/Units/Show), each shown only where the reader's role allows.
    IEnumerable<UnitPageLink> UnitPageLinks => [];

    // Its commands under steward (steward raid ...), each made afresh for one run of the command line.
    IEnumerable<System.CommandLine.Command> Commands => [];

    // Its part of the demo department, or null if it has none.
    DemoSeed? Demo => null;

    // Its background jobs, run on a schedule by every node between them (Features/Jobs).
    IEnumerable<BackgroundJob> Jobs => [];

    // Its records for the synthetic department the benchmarks run on, or null if it has none.
    SyntheticSeed? Synthetic => null;
}

using Steward.Features.Access;
using Steward.Infrastructure.Modules;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

internal sealed class GovernanceModule : IStewardModule
{
    public DemoSeed Demo => new(30, DemoGovernance.SeedAsync);

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GovernanceService>();
        services.AddScoped<Infrastructure.Work.IWorkSource, GovernanceWork>();
        services.AddScoped<Infrastructure.Work.INewsSource, GovernanceNews>();
        services.AddScoped<GovernanceQueries>();
        services.AddScoped<MeetingPack>();
        services.AddScoped<History.IHistoryNames, GovernanceHistoryNames>();
        services.AddScoped<IRecordSearch, GovernanceSearch>();
        services.AddScoped<Raid.IRiskMitigations, RiskMitigationActions>();
        services.AddScoped<GovernanceCalendar>();
        services.AddScoped<Finance.IApprovingDecisions, FinanceApprovals>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapGovernanceApi();
        CalendarFeeds.MapCalendarFeeds(app, api);
    }

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(20, "Boards, decisions and actions", "governance", "of", PmoArea.Governance)];
}

using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Plans;

internal sealed class PlansModule : IStewardModule
{
    public IEnumerable<System.CommandLine.Command> Commands => [PlanCommand.Create()];

    public DemoSeed Demo => new(40, DemoPlans.SeedAsync);

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<PlanViewCache>();
        services.AddSingleton<PlanRows>();
        services.AddScoped<PlanStore>();
        services.AddScoped<PlanTaskCopies>();
        services.AddScoped<PlanService>();
        services.AddScoped<CrossUnitLinking>();
        services.AddScoped<MicrosoftProjectImport>();
        services.AddScoped<PlanBaselines>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<IRecordSearch, PlanSearch>();
        services.AddScoped<PlanCalendars>();
        services.AddScoped<LinkedPlans>();
        services.AddScoped<IntegratedPlan>();
        services.AddScoped<IUnitSchedules, PlanSchedules>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapPlanApi();

    public IEnumerable<UnitPageLink> UnitPageLinks =>
    [
        new(30, "Plan and Gantt chart", "plan", "of", PmoArea.Planning),
        new(31, "Milestones: what moved", "milestones", "in", PmoArea.Planning),
        new(32, "Roadmap", "roadmap", "of", PmoArea.Planning),
    ];
}

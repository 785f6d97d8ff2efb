using Steward.Infrastructure.Modules;

namespace Steward.Features.Plans;

internal sealed class PlansModule : IStewardModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<PlanViewCache>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanCalendars>();
        services.AddScoped<LinkedPlans>();
        services.AddScoped<IntegratedPlan>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapPlanApi();
}

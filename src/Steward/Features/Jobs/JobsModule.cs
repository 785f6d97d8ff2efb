using Steward.Infrastructure.Modules;

namespace Steward.Features.Jobs;

// Background jobs: Quartz.NET on Steward's database, each run recorded, and the administrators' jobs page.
internal sealed class JobsModule : IStewardModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddStewardJobs();
        services.AddSingleton<JobRuns>();
        services.AddScoped<JobBoard>();
    }

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.JobsCommand.Create()];

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapJobsApi();
}

using Steward.Infrastructure.Modules;

namespace Steward.Features.MyWork;

// "My work": what each register has assigned to the signed-in person, in one list.
internal sealed class MyWorkModule : IStewardModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<AssignedWorkQueries>();

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.WorkCommand.Create()];

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapMyWorkApi();
}

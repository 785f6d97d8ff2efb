using Steward.Features.Access;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Reporting;

internal sealed class ReportingModule : IStewardModule
{
    public DemoSeed Demo => new(90, (demo, ct) => DemoReporting.SeedAsync(demo, ct));

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReportingRuleBook>();
        services.AddScoped<Infrastructure.Work.IWorkSource, ReportingWork>();
        services.AddScoped<Infrastructure.Work.INewsSource, ReportingNews>();
        services.AddScoped<Infrastructure.Work.INewsSource, Exceptions.ExceptionNews>();
        services.AddScoped<DeliveryConfidenceAsAt>();
        services.AddScoped<ReportPrefill>();
        services.AddScoped<ReportSnapshots>();
        services.AddScoped<History.IAuditedContent>(sp => sp.GetRequiredService<ReportSnapshots>());
        services.AddScoped<StatusReportService>();
        services.AddScoped<ReportingCycles>();
        services.AddScoped<IndependentAssessments>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<Exceptions.ExceptionService>();
        services.AddScoped<Exceptions.ExceptionQueries>();
        services.AddScoped<Dashboard.DashboardQueries>();
        services.AddScoped<Units.IHomePanel, Dashboard.DashboardHomePanel>();
        services.AddScoped<History.IHistoryNames, ReportHistoryNames>();
        services.AddScoped<BoardPacks.BoardPackContents>();
        services.AddScoped<BoardPacks.BoardPackService>();
        services.AddSingleton<BoardPacks.BoardPackPrinter>();
        services.AddSingleton<BoardPacks.BoardPacksWaiting>();
        // Runs only in the web application: the command line never starts its host's services.
        services.AddHostedService<BoardPacks.BoardPackWorker>();
    }

    public SyntheticSeed Synthetic => new(90, "--reports", "How many months of approved monthly status reports --synthetic gives every programme and project, each with its snapshot (for the reporting benchmarks).",
        "months of status reports", 36, (seed, ct) => new SyntheticReports(seed.Count, seed.Seed).SeedAsync(seed.Db, seed.Services!, seed.Progress, ct));

    public IEnumerable<System.CommandLine.Command> Commands => [Cli.ReportCommand.Create()];

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapReportingApi();
        Exceptions.ExceptionsApi.MapExceptionsApi(api);
        Dashboard.DashboardApi.MapDashboardApi(api);
        BoardPacks.BoardPacksApi.MapBoardPacksApi(api);
    }

    public IEnumerable<UnitPageLink> UnitPageLinks => [new(15, "Status reports", "reports", "of", PmoArea.Reporting), new(16, "Exceptions", "exceptions", "at and below", PmoArea.Reporting), new(14, "Dashboard", "dashboard", "of", PmoArea.Reporting), new(17, "Board packs", "board-packs", "of", PmoArea.Reporting)];
}

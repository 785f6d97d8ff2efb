using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Reporting.Dashboard;

public static class DashboardApi
{
    public static string ExportAddress(string unit, string query) => $"/api/v1/units/{Uri.EscapeDataString(unit)}/dashboard/export?format=xlsx{query}";

    public static void MapDashboardApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/dashboard").WithTags("Reporting").ProducesRecordProblems();
        group.MapGet("/", Get).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The unit's dashboard: each unit directly below with its latest DCA and ratings, whether its report is late, open exceptions and milestones at risk in it and below, this year's money and benefits; filtered and sorted");
        group.MapGet("/export", Export).Requires(PmoArea.Reporting, PmoAction.Read)
            .WithSummary("The dashboard as a spreadsheet (format=xlsx or csv), with the same filters and order");
    }

    private static async Task<Ok<DashboardView>> Get(string unit, [AsParameters] DashboardQuery query, ReportQueries reports, DashboardQueries dashboard, CancellationToken ct) =>
        TypedResults.Ok(await dashboard.ForAsync(await reports.RequireReadableUnitAsync(unit, ct), query.Filter(), ct));

    private static async Task<IResult> Export(string unit, [Description("xlsx (the default) or csv.")] string? format, [AsParameters] DashboardQuery query,
        ReportQueries reports, DashboardQueries dashboard, TimeProvider clock, CancellationToken ct)
    {
        var found = await reports.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var view = await dashboard.ForAsync(found, query.Filter(), ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "dashboard", "Dashboard", spreadsheet, DashboardSpreadsheet.Columns, view.Rows.ToList(), clock, ct);
    }
}

public sealed class DashboardQuery
{
    [Description("Only units of this category (ict, infrastructure-and-construction, ...).")]
    public string? Category { get; init; }

    [Description("Only units at this lifecycle stage.")]
    public string? Stage { get; init; }

    [Description("Only units whose latest DCA is this (on the portfolio's scale), or none.")]
    public string? Dca { get; init; }

    [Description("Only units whose SRO is this person (id).")]
    public Guid? Sro { get; init; }

    [Description("code (default), name, dca, late, exceptions, milestones or variance (worst first).")]
    public string? Sort { get; init; }

    [Description("Reverse the order.")]
    public bool? Descending { get; init; }

    public DashboardFilter Filter()
    {
        if (Sort is { Length: > 0 } sort && !DashboardFilter.Sorts.Contains(sort))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("sort", $"sort must be one of: {string.Join(", ", DashboardFilter.Sorts)}")]);
        }

        return new DashboardFilter(Category, Stage, Dca, Sro, Sort, Descending == true);
    }
}

public static class DashboardSpreadsheet
{
    public static readonly IReadOnlyList<SpreadsheetColumn<DashboardRow>> Columns =
    [
        new("Unit", r => r.Unit.Code),
        new("Name", r => r.Unit.Name),
        new("Kind", r => EnumText.Of(r.Unit.Kind)),
        new("Category", r => r.Category),
        new("Stage", r => r.Stage),
        new("SRO", r => r.Sro?.Name),
        new("Latest report", r => r.ReportPeriod),
        new("DCA", r => r.DcaLabel),
        .. Enum.GetValues<ReportDimension>().Select(d => new SpreadsheetColumn<DashboardRow>(ReportDimensions.Label(d), r => r.Ratings[EnumText.Of(d)])),
        new("Report late", r => r.ReportLate ? "yes" : "no"),
        new("Open exceptions", r => r.OpenExceptions),
        new("Milestones at risk", r => r.MilestonesAtRisk),
        new("Budget this year (£)", r => r.Year?.Budget.Pounds),
        new("Forecast this year (£)", r => r.Year?.Forecast.Pounds),
        new("Actuals this year (£)", r => r.Year?.Actuals.Pounds),
        new("Forecast against budget (%)", r => r.YearVariancePercent),
        new("Beyond cost tolerance", r => r.CostBeyondTolerance ? "yes" : "no"),
        new("Benefits planned this year (£)", r => r.BenefitsPlanned?.Pounds),
        new("Benefits realised this year (£)", r => r.BenefitsRealised?.Pounds),
    ];
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Reporting;
using Steward.Tests.Access;

namespace Steward.Tests.Reporting;

// A report of the route's unit for last month: the one already drafted there, or a new draft.
public sealed class ReportingMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "reference" when route.Under("/reports/") => await route.App.WithServicesAsync(async sp =>
        {
            var existing = await sp.GetRequiredService<StewardDbContext>().StatusReports.Where(r => r.UnitId == route.Unit.Id).Select(r => (int?)r.Number).FirstOrDefaultAsync();
            return existing is { } number
                ? Steward.Infrastructure.Registers.EntryReference.Format(StatusReport.ReferencePrefix, number)
                : (await sp.GetRequiredService<StatusReportService>().DraftAsync(route.Unit.Code,
                    new DraftRequest(ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key))).Reference;
        }),
        _ => null,
    };
}

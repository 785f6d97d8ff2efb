using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Reporting;
using Steward.Tests.Access;

namespace Steward.Tests.Reporting;

// A report of the route's unit for last month: the one already there, or a new one, submitted.
public sealed class ReportingMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "reference" when route.Under("/reports/") => await route.App.WithServicesAsync(async sp =>
        {
            var existing = await sp.GetRequiredService<StewardDbContext>().StatusReports.Where(r => r.UnitId == route.Unit.Id).Select(r => (int?)r.Number).FirstOrDefaultAsync();
            if (existing is { } number)
            {
                return Steward.Infrastructure.Registers.EntryReference.Format(StatusReport.ReferencePrefix, number);
            }

            // Submitted, so that every read (its snapshot too) has something to answer.
            var service = sp.GetRequiredService<StatusReportService>();
            var report = await service.DraftAsync(route.Unit.Code, new DraftRequest(ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key));
            report = await service.UpdateAsync(report.Id, report.Version, new StatusReportInput("Matrix", null, null, null, null, "green", null));
            return (await service.SubmitAsync(report.Id, report.Version)).Reference;
        }),
        _ => null,
    };
}

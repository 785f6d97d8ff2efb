using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Reporting;
using Steward.Infrastructure;
using Steward.Tests.Access;

namespace Steward.Tests.Reporting;

// A report of the route's unit for last month: the one already there, or a new one, submitted; and the
// same for its exceptions and board packs.
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
        "reference" when route.Under("/exceptions/") => await route.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var existing = await db.ExceptionReports.Where(e => e.UnitId == route.Unit.Id).Select(e => (int?)e.Number).FirstOrDefaultAsync();
            if (existing is { } number)
            {
                return Steward.Infrastructure.Registers.EntryReference.Format(Steward.Features.Reporting.Exceptions.ExceptionReport.ReferencePrefix, number);
            }

            var opened = await db.AddNumberedAsync(db.ExceptionReports, new Steward.Features.Reporting.Exceptions.ExceptionReport
            {
                Id = Guid.CreateVersion7(), UnitId = route.Unit.Id, RaisedToId = route.Unit.Id, Dimension = Steward.Features.Tolerances.ToleranceDimension.Risk,
                Value = 20, Limit = 12, Evidence = "Matrix", OpenedAt = DateTime.UtcNow, OpenKey = "risk",
            }, default);
            return opened.Reference;
        }),
        // A printed pack of the route's unit, so that its page and its PDF both answer.
        "id" when route.Under("/board-packs/") => await route.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var existing = await db.BoardPacks.Where(p => p.UnitId == route.Unit.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id.ToString();
            }

            var pack = new Steward.Features.Reporting.BoardPacks.BoardPack
            {
                Id = Guid.CreateVersion7(), UnitId = route.Unit.Id, Period = "2026-11", State = Steward.Features.Reporting.BoardPacks.BoardPackState.Ready, Progress = 100,
                RequestedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, Pdf = "%PDF-1.4 matrix"u8.ToArray(), Bytes = 15,
            };
            db.BoardPacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id.ToString();
        }),
        _ => null,
    };
}

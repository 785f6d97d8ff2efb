using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Work;

namespace Steward.Features.Reporting;

// Reporting's part of "My work": the status reports due from the programmes and projects a person is SRO
// or manager of (the same periods the "Your reports due" page chases), by the date each is due.
internal sealed class ReportingWork(StewardDbContext db, ReportQueries reports) : IWorkSource
{
    public static readonly WorkKind StatusReport = new("status-report", "Status reports", "Status report");

    public IReadOnlyList<WorkKind> Kinds => [StatusReport];

    public async Task<IReadOnlyList<AssignedWork>> AssignedAsync(IReadOnlyCollection<Guid> people, DateOnly? dueBy, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => (u.SroId != null && people.Contains(u.SroId.Value)) || (u.ManagerId != null && people.Contains(u.ManagerId.Value)))
            .Select(u => new { u.Id, u.SroId, u.ManagerId }).ToListAsync(ct);
        if (units.Count == 0)
        {
            return [];
        }

        var ids = units.Select(u => u.Id).ToList();
        var due = await reports.DueAmongAsync(db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)), ct);
        var holders = units.ToDictionary(u => u.Id, u => new[] { u.SroId, u.ManagerId }.OfType<Guid>().Where(people.Contains).Distinct().ToList());
        return due.Reports.Where(d => dueBy is null || d.DueOn <= dueBy)
            .SelectMany(d => holders[d.Unit.Id].Select(person => new AssignedWork(StatusReport, person, d.Reference ?? d.Period, $"Status report for {d.PeriodDescription}", d.Unit, d.DueOn,
                ReportingLinks.Reports(d.Unit.Code))))
            .ToList();
    }
}

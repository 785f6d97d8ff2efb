using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Reporting;

// A status report submitted: told to the unit's SRO, who approves it (unless the SRO submitted it). A
// report returned: told to whoever submitted it, with the reason.
internal sealed class ReportingNews(StewardDbContext db, UnitLeaders leaders) : INewsSource
{
    public static readonly WorkKind AwaitingApproval = new("report-approval", "Reports awaiting your approval", "Report awaiting approval", AtOnce: true);
    public static readonly WorkKind Returned = new("report-returned", "Reports returned to you", "Report returned", AtOnce: true);

    public IReadOnlyList<WorkKind> Kinds => [AwaitingApproval, Returned];

    public IReadOnlyCollection<string> RecordTypes => [nameof(StatusReport)];

    public async Task<IReadOnlyList<News>> NewsAsync(IReadOnlyList<ChangeSeen> changes, CancellationToken ct)
    {
        var moved = changes.Select(c => (Change: c, State: c.Field(nameof(StatusReport.State))?.To))
            .Where(m => m.State is nameof(StatusReportState.Submitted) or nameof(StatusReportState.Returned)).ToList();
        if (moved.Count == 0)
        {
            return [];
        }

        var ids = moved.Select(m => m.Change.RecordId).ToList();
        var reports = await db.StatusReports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Number, r.Period, r.ReturnComment, r.SubmittedByUserId,
                Submitter = db.Users.Where(u => u.Id == r.SubmittedByUserId).Select(u => u.PersonId).FirstOrDefault(),
                Unit = new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind),
            }).ToDictionaryAsync(r => r.Id, ct);
        var sros = await leaders.OfAsync(reports.Values.Select(r => r.Unit.Id).ToHashSet(), [StewardRole.Sro], ct);
        var news = new List<News>();
        foreach (var (change, state) in moved)
        {
            if (!reports.TryGetValue(change.RecordId, out var r))
            {
                continue;
            }

            var reference = EntryReference.Format(StatusReport.ReferencePrefix, r.Number);
            var title = $"Status report for {r.Unit.Name}, {r.Period}";
            var link = ReportingLinks.Report(r.Unit.Code, reference);
            if (state == nameof(StatusReportState.Submitted))
            {
                news.AddRange(sros[r.Unit.Id].Where(p => p != r.Submitter)
                    .Select(p => new News(AwaitingApproval, p, change.EventId, reference, title, r.Unit, $"Submitted by {change.Actor} for your approval.", link)));
            }
            else if (r.Submitter is { } submitter)
            {
                var why = string.IsNullOrWhiteSpace(r.ReturnComment) ? "." : $": {r.ReturnComment}";
                news.Add(new News(Returned, submitter, change.EventId, reference, title, r.Unit, $"Returned to you by {change.Actor}{why}", link));
            }
        }

        return news;
    }
}

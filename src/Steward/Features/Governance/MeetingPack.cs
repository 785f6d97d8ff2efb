using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Plans;
using Steward.Features.Raid;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// What a board needs in front of it, gathered on the meeting's page: the actions still open from its last
// meeting, the risks and issues escalated to its unit, and the key milestones below it that moved since then.
// Each part is shown only to someone who may read that register where the board sits.
public sealed record MeetingPackView(
    DateTime? LastMeeting,
    Guid? LastMeetingId,
    DateTime Since,
    IReadOnlyList<ActionView> OpenActions,
    IReadOnlyList<RiskSummary>? EscalatedRisks,
    IReadOnlyList<IssueSummary>? EscalatedIssues,
    MilestoneDrift? Milestones);

public sealed class MeetingPack(StewardDbContext db, GovernanceQueries governance, RiskQueries risks, IssueQueries issues, PlanQueries plans, AccessPolicy access)
{
    // Without a meeting before it, milestones are compared with a month ago.
    public const int DaysWithoutALastMeeting = 30;

    private const int Most = 50;

    public async Task<MeetingPackView> ForAsync(UnitView unit, MeetingView meeting, CancellationToken ct = default)
    {
        var last = await db.Meetings.AsNoTracking()
            .Where(m => m.BoardId == meeting.Board.Id && m.Id != meeting.Id && m.Status == MeetingStatus.Held && m.StartsAt < meeting.StartsAt)
            .OrderByDescending(m => m.StartsAt).Select(m => new { m.Id, m.StartsAt }).FirstOrDefaultAsync(ct);
        var open = last is null ? [] : (await governance.ActionsForMeetingAsync(last.Id, ct)).Where(a => a.Status is ActionStatus.Open or ActionStatus.InProgress).ToList();
        var since = last?.StartsAt ?? meeting.StartsAt.AddDays(-DaysWithoutALastMeeting);

        IReadOnlyList<RiskSummary>? escalatedRisks = null;
        IReadOnlyList<IssueSummary>? escalatedIssues = null;
        if (await access.CanAsync(PmoArea.Raid, PmoAction.Read, unit.Path, ct))
        {
            escalatedRisks = (await risks.RisksAsync(unit, new RiskFilter(Escalated: true), RiskSort.Score, new RegisterPage(Most), ct)).Items;
            escalatedIssues = (await issues.IssuesAsync(unit, new IssueFilter(Escalated: true), IssueSort.Priority, new RegisterPage(Most), ct)).Items;
        }

        var milestones = await access.CanAsync(PmoArea.Planning, PmoAction.Read, unit.Path, ct) ? await plans.DriftAsync(unit, since, ct: ct) : null;
        return new MeetingPackView(last?.StartsAt, last?.Id, since, open, escalatedRisks, escalatedIssues, milestones);
    }
}

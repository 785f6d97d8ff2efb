using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Modules;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

// The demo department's governance: a programme board that has met once and meets again this week,
// a portfolio committee, a decision about a risk, and actions (one overdue) from each kind of source.
internal static class DemoGovernance
{
    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var (sp, people, today) = (demo.Services, demo.People, demo.Today);
        var governance = sp.GetRequiredService<GovernanceService>();
        var db = sp.GetRequiredService<StewardDbContext>();
        var board = await governance.CreateBoardAsync("DPP-PRG-001", new BoardInput(
            "Digital Borders Programme Board", people["dir-digital"], BoardCadence.Monthly,
            "Directs the programme within the tolerances the portfolio committee sets: up to £2m and three months. Approves stage gates, changes within tolerance and the programme's top risks; escalates anything beyond.",
            [people["pgm-borders"], people["pm-eta"], people["pm-data"], people["pm-gates"], people["pmo-lead"]], Quorum: 4), ct);
        var committee = await governance.CreateBoardAsync("DPP-PFL-001", new BoardInput(
            "Borders Portfolio Investment Committee", people["dg-borders"], BoardCadence.Quarterly,
            "Prioritises investment across the portfolio and resolves what its programmes escalate.",
            [people["dir-digital"], people["dir-casework"], people["dir-finance"], people["pmo-lead"]], Quorum: 3), ct);

        var last = await governance.ArrangeMeetingAsync(board.Id, new MeetingInput(
            UkFormat.FromLondon(today.AddDays(-28), new TimeOnly(10, 0)), 90, "2 Marsham Street, room 4.12",
            [new AgendaItemInput("Minutes and actions of the last meeting"), new AgendaItemInput("Highlight reports", people["pgm-borders"]),
             new AgendaItemInput("Carrier readiness", people["pm-eta"]), new AgendaItemInput("Test environment capacity", people["pm-data"])]), ct);
        // The next meeting is arranged first, so recording the last as held leaves it as the board's next
        // (recording a meeting held arranges the next by the cadence only when none is).
        await governance.ArrangeMeetingAsync(board.Id, new MeetingInput(
            UkFormat.FromLondon(today.AddDays(3), new TimeOnly(10, 0)), 90, "2 Marsham Street, room 4.12",
            [new AgendaItemInput("Minutes and actions of the last meeting"), new AgendaItemInput("Stage gate: private beta", people["pm-eta"])]), ct);
        var attendance = last.Attendees.Select(a => new AttendeeInput(a.PersonId, a.PersonId == people["pm-gates"] ? Attendance.Apologies : Attendance.Attended)).ToList();
        attendance.Add(new AttendeeInput(people["dir-finance"], Attendance.Attended, AttendeeCapacity.Guest));
        last = await governance.UpdateMeetingAsync(last.Id, last.Version, new MeetingInput(
            new DateTimeOffset(last.StartsAt, TimeSpan.Zero), last.DurationMinutes, last.Location, null, attendance, MeetingStatus.Held,
            "The board reviewed highlight reports: overall amber.\nCarrier readiness remains the top risk; two of the five largest carriers have not started integration.\nPerformance testing is queued behind the data platform for six weeks; the board agreed to fund a second environment."), ct);
        await governance.ArrangeMeetingAsync(committee.Id, new MeetingInput(
            UkFormat.FromLondon(today.AddDays(20), new TimeOnly(14, 0)), 120, "2 Marsham Street, Director General's office",
            [new AgendaItemInput("Portfolio dashboard", people["pmo-lead"]), new AgendaItemInput("Escalated risks")]), ct);

        var carrierRisk = await db.Risks.Where(r => r.Title == "Carrier integration slips").Select(r => r.Number).FirstAsync(ct);
        var risk = EntryReference.Format(Features.Raid.Risk.ReferencePrefix, carrierRisk);
        var decision = await governance.RecordDecisionAsync("DPP-PRG-001", new DecisionInput(
            "Fund a second performance-test environment", today.AddDays(-28),
            "Six weeks' queueing for the shared environment would push private beta past the carriers' readiness date.",
            "Wait for the shared environment; borrow the data platform's; buy a second environment (£180k).",
            MeetingId: last.Id, Links: [risk]), ct);

        await governance.RaiseActionAsync("DPP-PRG-001", new ActionInput("Circulate the revised carrier readiness plan", people["pgm-borders"], today.AddDays(-7), MeetingId: last.Id), ct);
        await governance.RaiseActionAsync("DPP-PRG-001", new ActionInput("Confirm the environment budget with Finance", people["dir-finance"], today.AddDays(10), Decision: decision.Reference), ct);
        var procure = await governance.RaiseActionAsync("DPP-PRJ-002", new ActionInput("Order the second test environment", people["pm-data"], today.AddDays(30)), ct);
        await governance.UpdateActionAsync(procure.Id, procure.Version, new ActionInput(procure.Description, procure.OwnerId, procure.DueOn, Status: ActionStatus.InProgress, Progress: "Quotes requested from two suppliers"), ct);
        await governance.RaiseActionAsync("DPP-PRG-001", new ActionInput("Run readiness workshops with the five largest carriers", people["pgm-borders"], today.AddDays(14), Risk: risk), ct);
    }
}

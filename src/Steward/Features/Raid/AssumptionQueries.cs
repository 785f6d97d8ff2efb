using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Reads of assumptions: the roll-up list, its export, and one assumption.
public sealed class AssumptionQueries(StewardDbContext db, RegisterUnits registerUnits, TimeProvider clock) : RaidRegisterReads(registerUnits, clock)
{
    // Assumptions of the unit and below: unvalidated ones by default, soonest validation first.
    public async Task<CursorPage<AssumptionView>> AssumptionsAsync(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var today = Today;
        var rows = await ProjectAssumptions(FilterAssumptions(unit, status, all, overdue).Skip(page.Offset).Take(page.Limit + 1)).ToListAsync(ct);
        return new CursorPage<AssumptionView>(rows.Take(page.Limit).Select(r => ToView(r, today)).ToList(),
            rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every assumption the filter matches, for a spreadsheet.
    public async Task<List<AssumptionView>> AssumptionRowsAsync(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue, CancellationToken ct = default)
    {
        var today = Today;
        return (await ProjectAssumptions(FilterAssumptions(unit, status, all, overdue)).ToListAsync(ct)).Select(r => ToView(r, today)).ToList();
    }

    private IQueryable<Assumption> FilterAssumptions(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue)
    {
        var today = Today;
        var below = db.IdsUnder(unit.Path);
        var assumptions = db.Assumptions.AsNoTracking().Where(a => below.Contains(a.UnitId));
        if (!all)
        {
            var wanted = status ?? AssumptionStatus.Unvalidated;
            assumptions = assumptions.Where(a => a.Status == wanted);
        }

        if (overdue)
        {
            assumptions = assumptions.Where(a => a.Status == AssumptionStatus.Unvalidated && a.ValidationDue < today);
        }

        return assumptions.OrderBy(a => a.ValidationDue == null).ThenBy(a => a.ValidationDue).ThenBy(a => a.Number);
    }

    public async Task<AssumptionView> AssumptionAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Assumption.ReferencePrefix, reference) ?? throw new RecordNotFoundException("assumption", reference);
        var row = await ProjectAssumptions(db.Assumptions.AsNoTracking().Where(a => a.Number == number && a.UnitId == unit.Id)).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("assumption", reference);
        return ToView(row, Today);
    }

    private static IQueryable<AssumptionRow> ProjectAssumptions(IQueryable<Assumption> assumptions) =>
        assumptions.Select(a => new AssumptionRow(
            a,
            new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind),
            new PersonRef(a.Owner!.Id, a.Owner.Name, a.Owner.Email),
            a.EscalatedTo == null ? null : new UnitRef(a.EscalatedTo.Id, a.EscalatedTo.Code, a.EscalatedTo.Name, a.EscalatedTo.Kind)));

    private static AssumptionView ToView(AssumptionRow row, DateOnly today)
    {
        var a = row.Assumption;
        return new AssumptionView(
            a.Id, a.Reference, row.Unit, a.Statement, a.ImpactIfWrong, row.Owner, a.ValidationDue,
            a.Status == AssumptionStatus.Unvalidated && a.ValidationDue < today, a.Status, a.StatusReason, a.FollowUp,
            row.EscalatedTo is { } to ? new Escalation(to, a.EscalatedByHand, a.EscalationReason) : null, a.Version, a.CreatedAt, a.UpdatedAt);
    }

    private sealed record AssumptionRow(Assumption Assumption, UnitRef Unit, PersonRef Owner, UnitRef? EscalatedTo);
}

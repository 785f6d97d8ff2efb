using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// A RAID entry named by its reference (R-0042, I-0007, A-0003, D-0012) in a unit's register: the unit or
// anything below it. For the services that link to RAID entries (a decision about them, an action that
// mitigates one), so they need not read RAID's tables themselves. Null where there is none; the caller
// says what that means to it.
public sealed class RaidReferences(StewardDbContext db)
{
    // Any of the four registers, tried in turn by the reference's prefix; the reference as people quote it.
    public async Task<(Guid Id, Guid UnitId, string Reference)?> FindAsync(string unitPath, string reference, CancellationToken ct) =>
        await FindAsync(db.Risks, Risk.ReferencePrefix, unitPath, reference, ct) ?? await FindAsync(db.Issues, Issue.ReferencePrefix, unitPath, reference, ct)
            ?? await FindAsync(db.Assumptions, Assumption.ReferencePrefix, unitPath, reference, ct)
            ?? await FindAsync(db.Dependencies, Dependency.ReferencePrefix, unitPath, reference, ct);

    public async Task<(Guid Id, RiskStatus Status)?> FindRiskAsync(string unitPath, string reference, CancellationToken ct)
    {
        var number = EntryReference.Parse(Risk.ReferencePrefix, reference);
        var found = await db.Risks.Where(r => r.Number == number && r.Unit!.Path.StartsWith(unitPath)).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.Status);
    }

    public async Task<(Guid Id, IssueStatus Status)?> FindIssueAsync(string unitPath, string reference, CancellationToken ct)
    {
        var number = EntryReference.Parse(Issue.ReferencePrefix, reference);
        var found = await db.Issues.Where(i => i.Number == number && i.Unit!.Path.StartsWith(unitPath)).Select(i => new { i.Id, i.Status }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.Status);
    }

    private async Task<(Guid Id, Guid UnitId, string Reference)?> FindAsync<T>(DbSet<T> items, string prefix, string unitPath, string reference, CancellationToken ct)
        where T : RaidEntry
    {
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || EntryReference.Parse(prefix, reference) is not { } number)
        {
            return null;
        }

        var found = await items.Where(i => i.Number == number && db.Units.Any(u => u.Id == i.UnitId && u.Path.StartsWith(unitPath)))
            .Select(i => new { i.Id, i.UnitId }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.UnitId, EntryReference.Format(prefix, number));
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Finance;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Finds the decision a budget re-baseline names, among those recorded on the unit or above it.
internal sealed class FinanceApprovals(StewardDbContext db) : IApprovingDecisions
{
    public async Task<ApprovingDecision?> FindAsync(string reference, string unitPath, CancellationToken ct)
    {
        if (EntryReference.Parse(Decision.ReferencePrefix, reference) is not { } number)
        {
            return null;
        }

        var levels = UnitPath.Ids(unitPath);
        return await db.Decisions.AsNoTracking()
            .Where(d => d.Number == number && levels.Contains(d.UnitId))
            .Select(d => new ApprovingDecision(EntryReference.Format(Decision.ReferencePrefix, d.Number), d.Title, d.DecidedOn,
                d.Board != null ? d.Board.Name : d.DecidedBy != null ? d.DecidedBy.Name : null))
            .FirstOrDefaultAsync(ct);
    }
}

namespace Steward.Features.Finance;

// The governance decisions log, as finance needs it: a re-baseline names the decision that approved it.
// Governance provides it, so finance does not reach into governance's tables.
public interface IApprovingDecisions
{
    // The decision's title and date where a decision with that reference was recorded on the unit (its
    // path) or a unit above it, else null.
    Task<ApprovingDecision?> FindAsync(string reference, string unitPath, CancellationToken ct);
}

// DecidedBy: the board that decided, or the person where no board did.
public sealed record ApprovingDecision(string Reference, string Title, DateOnly DecidedOn, string? DecidedBy);

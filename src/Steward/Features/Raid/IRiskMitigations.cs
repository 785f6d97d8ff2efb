namespace Steward.Features.Raid;

// Provided by the governance service, whose actions against a risk are its mitigation actions: one line per
// risk for the register's download, without RAID knowing how actions are kept.
public interface IRiskMitigations
{
    Task<IReadOnlyDictionary<Guid, string>> DescribeAsync(IReadOnlyCollection<Guid> riskIds, CancellationToken ct);
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// A risk's mitigation actions as the RAID download lists them: "ACT-0003 Chase the supplier (Alice Smith,
// due 12 January 2027, in progress)", oldest first, separated by semicolons.
// Only actions on units where the person may read governance, as the risk page shows them.
internal sealed class RiskMitigationActions(StewardDbContext db, AccessPolicy access) : IRiskMitigations
{
    public async Task<IReadOnlyDictionary<Guid, string>> DescribeAsync(IReadOnlyCollection<Guid> riskIds, CancellationToken ct)
    {
        var actions = new List<(Guid RiskId, int Number, string Description, string Owner, DateOnly DueOn, ActionStatus Status, string UnitPath)>();
        // In slices, so that a register of thousands of risks never sends one statement thousands of parameters.
        foreach (var slice in riskIds.Chunk(500))
        {
            var rows = await db.Actions.AsNoTracking().Where(a => a.RiskId != null && slice.Contains(a.RiskId.Value))
                .Select(a => new { RiskId = a.RiskId!.Value, a.Number, a.Description, Owner = a.Owner!.Name, a.DueOn, a.Status, a.Unit!.Path })
                .ToListAsync(ct);
            actions.AddRange(rows.Select(a => (a.RiskId, a.Number, a.Description, a.Owner, a.DueOn, a.Status, a.Path)));
        }

        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in actions.Select(a => a.UnitPath).Distinct())
        {
            if (await access.CanAsync(PmoArea.Governance, PmoAction.Read, path, ct))
            {
                readable.Add(path);
            }
        }

        actions.RemoveAll(a => !readable.Contains(a.UnitPath));

        return actions.GroupBy(a => a.RiskId).ToDictionary(
            g => g.Key,
            g => string.Join("; ", g.OrderBy(a => a.Number).Select(a =>
                $"{EntryReference.Format(ActionItem.ReferencePrefix, a.Number)} {a.Description} ({a.Owner}, due {UkFormat.Date(a.DueOn)}, {GovernanceLabels.Of(a.Status).ToLowerInvariant()})")));
    }
}

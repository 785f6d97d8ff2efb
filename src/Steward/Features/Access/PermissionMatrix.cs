using System.Collections.Frozen;

namespace Steward.Features.Access;

// What each role may do in each PMO area: the one matrix every check in Steward consults, and the one
// the roles page shows. A role's permissions apply on the unit it is granted on and everything below.
public static class PermissionMatrix
{
    private static readonly PmoArea[] AllAreas = Enum.GetValues<PmoArea>();

    // Registers and the structure, as opposed to who may see them (Access) and the audit trail.
    private static readonly PmoArea[] DeliveryAreas = AllAreas.Where(a => a is not (PmoArea.Access or PmoArea.Audit)).ToArray();

    private static readonly FrozenDictionary<StewardRole, FrozenSet<(PmoArea, PmoAction)>> Grants = Build();

    public static bool Allows(StewardRole role, PmoArea area, PmoAction action) => Grants[role].Contains((area, action));

    public static IEnumerable<PmoAction> ActionsOf(StewardRole role, PmoArea area) =>
        Enum.GetValues<PmoAction>().Where(action => Allows(role, area, action));

    private static FrozenDictionary<StewardRole, FrozenSet<(PmoArea, PmoAction)>> Build()
    {
        var matrix = new Dictionary<StewardRole, HashSet<(PmoArea, PmoAction)>>();
        void Allow(StewardRole role, IEnumerable<PmoArea> areas, params PmoAction[] actions)
        {
            var set = matrix.TryGetValue(role, out var existing) ? existing : matrix[role] = [];
            foreach (var area in areas)
            {
                foreach (var action in actions)
                {
                    set.Add((area, action));
                }
            }
        }

        const PmoAction R = PmoAction.Read, C = PmoAction.Contribute, A = PmoAction.Approve, Ad = PmoAction.Administer;

        // Everyone with a role can see the records and who holds roles in their part of the tree.
        foreach (var role in Enum.GetValues<StewardRole>())
        {
            Allow(role, [.. DeliveryAreas, PmoArea.Access], R);
        }

        Allow(StewardRole.Administrator, AllAreas, R, C, A, Ad);
        Allow(StewardRole.PmoManager, AllAreas, R, C, A);
        Allow(StewardRole.PmoManager, [PmoArea.Delivery, PmoArea.Access], Ad);
        Allow(StewardRole.PmoSupportOfficer, DeliveryAreas, C);
        Allow(StewardRole.PmoSupportOfficer, [PmoArea.Access], C);
        Allow(StewardRole.PmoSupportOfficer, [PmoArea.Audit], R);
        Allow(StewardRole.Planner, [PmoArea.Planning], C, A);
        Allow(StewardRole.Planner, [PmoArea.Deliverables, PmoArea.Raid], C);
        Allow(StewardRole.RiskAndIssuesManager, [PmoArea.Raid], C, A);
        Allow(StewardRole.RiskAndIssuesManager, [PmoArea.Governance], C);
        Allow(StewardRole.BenefitsManager, [PmoArea.Benefits], C, A);
        Allow(StewardRole.FinanceAndBusinessCaseManager, [PmoArea.Finance], C, A);
        Allow(StewardRole.FinanceAndBusinessCaseManager, [PmoArea.Change], C);
        Allow(StewardRole.ResourceManager, [PmoArea.Resources], C, A);
        Allow(StewardRole.StakeholderManager, [PmoArea.Stakeholders], C, A);
        Allow(StewardRole.AssuranceManager, [PmoArea.Assurance], C, A);
        Allow(StewardRole.AssuranceManager, [PmoArea.Reporting], C);
        Allow(StewardRole.AssuranceManager, [PmoArea.Audit], R);
        Allow(StewardRole.ConfigurationManager, [PmoArea.Documents], C, A);
        Allow(StewardRole.ConfigurationManager, [PmoArea.Change, PmoArea.Deliverables], C);
        // The SRO owns the business case and decides; the manager runs the work day to day.
        Allow(StewardRole.Sro, [PmoArea.Delivery, PmoArea.Change, PmoArea.Finance, PmoArea.Benefits, PmoArea.Deliverables, PmoArea.Governance, PmoArea.Raid], A);
        Allow(StewardRole.Sro, [PmoArea.Governance], C);
        // The SRO submits the SRO's delivery confidence and approves (or returns) the unit's status reports.
        Allow(StewardRole.Sro, [PmoArea.Reporting], C, A);
        Allow(StewardRole.ProgrammeOrProjectManager, DeliveryAreas, C);
        Allow(StewardRole.ProgrammeOrProjectManager, [PmoArea.Raid, PmoArea.Planning, PmoArea.Deliverables], A);
        Allow(StewardRole.Contributor, [PmoArea.Raid, PmoArea.Planning, PmoArea.Deliverables, PmoArea.Documents, PmoArea.Governance], C);

        return matrix.ToFrozenDictionary(m => m.Key, m => m.Value.ToFrozenSet());
    }
}

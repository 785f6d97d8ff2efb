namespace Steward.Features.Access;

// The roles of the PMO guidance (pmo-guidance.txt, "Roles"). What each may do is PermissionMatrix.
public enum StewardRole
{
    Administrator,
    PmoManager,
    PmoSupportOfficer,
    Planner,
    RiskAndIssuesManager,
    BenefitsManager,
    FinanceAndBusinessCaseManager,
    ResourceManager,
    StakeholderManager,
    AssuranceManager,
    ConfigurationManager,
    Sro,
    ProgrammeOrProjectManager,
    Contributor,
    Viewer,
}

// A PMO service, as the permission matrix divides the work. Registers added later name their area.
public enum PmoArea
{
    Delivery,
    Planning,
    Raid,
    Change,
    Finance,
    Benefits,
    Resources,
    Stakeholders,
    Governance,
    Deliverables,
    Assurance,
    Documents,
    Reporting,
    Access,
    Audit,
}

public enum PmoAction
{
    Read,
    Contribute,
    Approve,
    Administer,
}

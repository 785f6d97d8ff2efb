namespace Steward.Features.Access;

public static class AccessLabels
{
    public static string Of(StewardRole role) => role switch
    {
        StewardRole.PmoManager => "PMO Manager",
        StewardRole.PmoSupportOfficer => "PMO Support Officer",
        StewardRole.RiskAndIssuesManager => "Risk and Issues Manager",
        StewardRole.BenefitsManager => "Benefits Manager",
        StewardRole.FinanceAndBusinessCaseManager => "Finance and Business Case Manager",
        StewardRole.ResourceManager => "Resource Manager",
        StewardRole.StakeholderManager => "Stakeholder Manager",
        StewardRole.AssuranceManager => "Assurance Manager",
        StewardRole.ConfigurationManager => "Configuration Manager",
        StewardRole.Sro => "Senior Responsible Owner (SRO)",
        StewardRole.ProgrammeOrProjectManager => "Programme or Project Manager",
        _ => role.ToString(),
    };

    public static string Of(PmoArea area) => area switch
    {
        PmoArea.Delivery => "Delivery structure (portfolios, programmes, projects)",
        PmoArea.Planning => "Planning and dependencies",
        PmoArea.Raid => "Risks, assumptions, issues and dependencies (RAID)",
        PmoArea.Change => "Change control",
        PmoArea.Finance => "Finance and business case",
        PmoArea.Benefits => "Benefits",
        PmoArea.Resources => "Resources",
        PmoArea.Stakeholders => "Stakeholders and communications",
        PmoArea.Governance => "Governance meetings, decisions and actions",
        PmoArea.Deliverables => "Deliverables and acceptance",
        PmoArea.Assurance => "Assurance and lessons learned",
        PmoArea.Documents => "Documents and configuration",
        PmoArea.Reporting => "Performance reporting",
        PmoArea.Access => "People and roles",
        PmoArea.Audit => "Change history (audit)",
        _ => area.ToString(),
    };

    public static string Of(PmoAction action) => action switch
    {
        PmoAction.Read => "read",
        PmoAction.Contribute => "contribute",
        PmoAction.Approve => "approve",
        PmoAction.Administer => "administer",
        _ => action.ToString(),
    };
}

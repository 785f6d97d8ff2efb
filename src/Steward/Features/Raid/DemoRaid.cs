using Steward.Infrastructure.Modules;
using static Steward.Features.Raid.RiskResponse;

namespace Steward.Features.Raid;

// The demo department's RAID logs: the risks and issues a PMO would expect to find in a weekly review,
// spread over every level, with some reviews overdue and one risk that has already happened.
internal static class DemoRaid
{
    internal sealed record DemoRisk(
        string Unit, string Title, string Cause, string Event, string Effect, string Category, string Owner,
        int Likelihood, int Impact, int TargetLikelihood, int TargetImpact, RiskResponse Response, int ReviewInDays,
        bool Opportunity = false, bool Realised = false);

    internal sealed record DemoIssue(string Unit, string Title, string Description, IssuePriority Priority, string Owner, int TargetInDays);

    public static readonly DemoRisk[] Risks =
    [
        new("DPP-PFL-001", "Digital skills shortage across the portfolio", "Several programmes recruit the same scarce specialists",
            "Programmes cannot fill architecture and security roles", "Delivery slows across the portfolio and costs rise", "People", "dg-borders", 4, 4, 2, 3, Reduce, 14),
        new("DPP-PRG-001", "Carrier integration slips", "Airlines must change their check-in systems",
            "Carriers are not ready to check travel permissions", "Travel authorisation cannot be enforced on the planned date", "Third party", "pgm-borders", 3, 5, 2, 4, Reduce, -5),
        new("DPP-PRJ-001", "Fraudulent applications at launch", "Criminal groups test new online services early",
            "Fraud rates exceed the model's assumptions", "Manual checking overwhelms caseworkers", "Security", "pm-eta", 3, 4, 2, 3, Reduce, 21),
        new("DPP-PRJ-001", "Payment provider contract ends mid-rollout", "The current payment contract expires next year",
            "No payment service is in place for part of the rollout", "Applications cannot be taken", "Commercial", "pm-eta", 2, 5, 1, 5, Avoid, 30, Realised: true),
        new("DPP-PRJ-002", "Legacy data quality worse than assumed", "Twenty years of records from three systems",
            "Migrated records fail matching rules", "Border officers see false alerts", "Technical", "pm-data", 4, 3, 2, 2, Reduce, -12),
        new("DPP-PRJ-003", "eGate supplier insolvency", "The supplier's accounts show falling margins",
            "The supplier enters administration", "Gate maintenance stops at major airports", "Commercial", "pm-gates", 2, 5, 1, 4, Transfer, 45),
        new("DPP-PRG-002", "Backlog grows faster than clearance", "Applications rise after a policy change",
            "Intake exceeds decision capacity for two quarters", "Service standards are missed and ministers are exposed", "Operational", "pgm-casework", 4, 5, 3, 3, Reduce, 7),
        new("DPP-PRJ-005", "Reuse the case platform for appeals", "The platform's licence covers unlimited case types",
            "Appeals move onto the same platform", "One fewer system to buy and support", "Technical", "pm-casework", 3, 3, 4, 4, Exploit, 60, Opportunity: true),
        new("DPP-PRJ-007", "Users cannot prove their status offline", "Some landlords and employers cannot use online checks",
            "People are wrongly refused work or housing", "Harm to individuals and reputational damage", "Policy", "pm-evisa", 3, 4, 2, 2, Reduce, -2),
        new("DPP-PRG-003", "Construction inflation", "Material and labour prices keep rising",
            "Tenders come back above the cost plan", "The hub programme is unaffordable as scoped", "Financial", "pgm-estates", 4, 4, 3, 3, Reduce, 10),
        new("DPP-PRJ-009", "Asbestos found during strip-out", "The building dates from 1968",
            "Asbestos is found behind ceilings", "Works stop for removal; three months' delay", "Health and safety", "pm-estates", 3, 3, 1, 3, Accept, 20),
        new("DPP-PRJ-012", "Key finance staff leave during migration", "A long migration with overtime and uncertainty",
            "Experienced staff leave before go-live", "Month-end close fails in the first quarter", "People", "pm-erp", 2, 4, 2, 2, Reduce, 35),
    ];

    public static readonly DemoIssue[] Issues =
    [
        new("DPP-PRG-001", "Test environment unavailable for two weeks", "The shared pre-production environment failed its security re-accreditation.", IssuePriority.High, "pgm-borders", 10),
        new("DPP-PRJ-010", "Buyer withdrew from the Leeds disposal", "The preferred bidder pulled out after surveys.", IssuePriority.Medium, "pm-estates", 40),
        new("DPP-PRJ-014", "Fire doors fail inspection at two sites", "Inspection found 46 doors below standard.", IssuePriority.Critical, "pm-estates", -3),
    ];

    // Unit, what is needed, from (a unit code, or a party outside Steward), owner, needed in days, committed in days.
    public static readonly (string Unit, string Title, string From, string Owner, int NeededInDays, int? CommittedInDays)[] Dependencies =
    [
        ("DPP-PRJ-001", "Traveller identity matching service from the data platform", "DPP-PRJ-002", "pm-eta", 60, 95),
        ("DPP-PRJ-003", "eGate watch-list feed", "DPP-PRJ-002", "pm-gates", 120, 110),
        ("DPP-PRJ-007", "Passport data sharing agreement", "HM Passport Office", "pm-evisa", 45, null),
        ("DPP-PRJ-013", "Finance and HR platform live for payroll to migrate onto", "DPP-PRJ-012", "pm-erp", 300, 340),
    ];

    public static readonly (string Unit, string Statement, string ImpactIfWrong, string Owner, int ValidateInDays)[] Assumptions =
    [
        ("DPP-PRG-001", "Airlines can change their check-in systems within 12 months of the rules being published", "Enforcement starts late", "pgm-borders", 30),
        ("DPP-PRJ-005", "Caseworkers need no more than two days' training on the new system", "Productivity dips for longer after go-live", "pm-casework", -10),
        ("DPP-PRJ-009", "The Croydon lease can be extended by two years if works overrun", "Staff have nowhere to go during the works", "pm-estates", 60),
    ];

    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var (sp, people, today) = (demo.Services, demo.People, demo.Today);
        var risks = sp.GetRequiredService<RiskRegister>();
        var issues = sp.GetRequiredService<IssueRegister>();
        var dependencies = sp.GetRequiredService<DependencyRegister>();
        var assumptions = sp.GetRequiredService<AssumptionRegister>();
        // Projects hold risks scoring up to 11, programmes up to 19 (DemoTolerances); high and critical
        // issues go up from a project, critical ones on up from a programme.
        // The borders portfolio defines its levels; the corporate portfolio keeps Steward's own.
        await sp.GetRequiredService<RiskScales>().SetAsync("DPP-PFL-001", null, new RiskScaleInput(
            [new("Rare", "Less than 5% chance within the programme's life"), new("Unlikely", "5% to 20%"), new("Possible", "20% to 50%"),
             new("Likely", "50% to 80%"), new("Almost certain", "More than 80%")],
            [new("Minimal", "Under £50k, or under two weeks' delay, no public interest"), new("Minor", "£50k to £250k, or up to a month"),
             new("Significant", "£250k to £1m, or up to three months; local media interest"), new("Major", "£1m to £5m, or up to six months; ministerial interest"),
             new("Critical", "Over £5m, or more than six months; the policy objective is at risk")]), ct);
        foreach (var r in Risks)
        {
            var risk = await risks.RaiseAsync(r.Unit, new RiskInput(
                r.Title, people[r.Owner], r.Likelihood, r.Impact, r.Cause, r.Event, r.Effect, r.Category, r.Opportunity,
                RaisedById: people["pmo-analyst"], RaisedOn: today.AddDays(-60), InherentLikelihood: Math.Min(5, r.Likelihood + 1),
                InherentImpact: r.Impact, TargetLikelihood: r.TargetLikelihood, TargetImpact: r.TargetImpact, Response: r.Response,
                NextReviewDate: today.AddDays(r.ReviewInDays)), ct);
            if (r.Realised)
            {
                await risks.RealiseAsync(risk.Id, risk.Version, "The payment provider's contract lapsed before the replacement was signed.", ct);
            }
        }

        foreach (var i in Issues)
        {
            await issues.RaiseAsync(i.Unit, new IssueInput(i.Title, people[i.Owner], i.Priority, i.Description,
                RaisedOn: today.AddDays(-20), TargetResolutionDate: today.AddDays(i.TargetInDays)), ct);
        }

        foreach (var d in Dependencies)
        {
            var internalUnit = d.From.StartsWith("DPP-", StringComparison.Ordinal);
            await dependencies.RaiseAsync(d.Unit, new DependencyInput(d.Title, people[d.Owner], today.AddDays(d.NeededInDays),
                ProviderUnit: internalUnit ? d.From : null, ExternalParty: internalUnit ? null : d.From,
                CommittedDate: d.CommittedInDays is { } committed ? today.AddDays(committed) : null), ct);
        }

        foreach (var a in Assumptions)
        {
            await assumptions.RaiseAsync(a.Unit, new AssumptionInput(a.Statement, people[a.Owner], a.ImpactIfWrong, today.AddDays(a.ValidateInDays)), ct);
        }
    }
}

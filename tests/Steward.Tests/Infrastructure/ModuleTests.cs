using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Plans;
using Steward.Features.Raid;
using Steward.Infrastructure.Modules;

namespace Steward.Tests.Infrastructure;

public sealed class ModuleTests
{
    // Each PMO service declares its own services and endpoints; the host finds them without a list.
    [Fact]
    public void EveryModule_IsFound_InAFixedOrder_AndAddsItsServices()
    {
        Assert.Equal(["BenefitsModule", "FinanceModule", "GmppModule", "GovernanceModule", "JobsModule", "MyWorkModule", "NotificationsModule", "PlansModule", "RaidModule", "ReportingModule", "TolerancesModule"], StewardModules.All.Select(m => m.GetType().Name));

        var services = new ServiceCollection().AddStewardModules();

        Assert.Contains(services, s => s.ServiceType == typeof(RiskRegister));
        Assert.Contains(services, s => s.ServiceType == typeof(PlanService));
        Assert.Contains(services, s => s.ServiceType == typeof(Steward.Features.Governance.GovernanceService));
        Assert.Contains(services, s => s.ServiceType == typeof(Steward.Features.Tolerances.ToleranceService));
    }

    // The unit page's links come from the modules, in the order they declare, RAID first as before.
    [Fact]
    public void TheUnitPageLinks_ComeFromTheModules()
    {
        Assert.Equal(["raid", "dashboard", "reports", "exceptions", "board-packs", "gmpp", "governance", "plan", "milestones", "roadmap", "finance", "business-case", "benefits", "tolerances"], StewardModules.UnitPageLinks.Select(l => l.Path));
    }
}

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
        Assert.Equal(["GovernanceModule", "PlansModule", "RaidModule"], StewardModules.All.Select(m => m.GetType().Name));

        var services = new ServiceCollection().AddStewardModules();

        Assert.Contains(services, s => s.ServiceType == typeof(RaidService));
        Assert.Contains(services, s => s.ServiceType == typeof(PlanService));
        Assert.Contains(services, s => s.ServiceType == typeof(Steward.Features.Governance.GovernanceService));
    }
}

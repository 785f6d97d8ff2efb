using Microsoft.Extensions.DependencyInjection;
using Steward.Features.People;
using Steward.Features.Governance;
using Steward.Features.Raid;
using Steward.Features.Units;

namespace Steward.Tests.Infrastructure;

// Builders for the records a test needs, made through the same services as real data.
public static class TestData
{
    private static int _sequence;

    public static string NewCode(string prefix = "T") =>
        $"{prefix}-{Interlocked.Increment(ref _sequence):D4}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    public static Task<DeliveryUnit> CreateUnitAsync(this StewardApp app, UnitKind kind, Guid? parentId = null, string? name = null, string? code = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<UnitService>().CreateAsync(
            new CreateUnit(code ?? NewCode(), name ?? $"Test {kind} {Guid.NewGuid().ToString("N")[..8]}", kind, parentId,
                UnitCategory.Ict, LifecycleStage.Delivery)));

    // A portfolio holding a programme holding a project: the shape most tests start from.
    public static async Task<(DeliveryUnit Portfolio, DeliveryUnit Programme, DeliveryUnit Project)> CreateTreeAsync(this StewardApp app)
    {
        var portfolio = await app.CreateUnitAsync(UnitKind.Portfolio);
        var programme = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id);
        var project = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        return (portfolio, programme, project);
    }

    public static Task<Person> CreatePersonAsync(this StewardApp app, string? name = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<PersonService>().CreateAsync(
            new CreatePerson(name ?? "Alex Morgan", $"person.{Guid.NewGuid():N}@test.example", "Programme Manager")));

    public static Task<Risk> CreateRiskAsync(this StewardApp app, string unitCode, Guid ownerId, int likelihood = 3, int impact = 4, string? title = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RiskRegister>().RaiseAsync(unitCode,
            new RiskInput(title ?? $"Test risk {Guid.NewGuid().ToString("N")[..8]}", ownerId, likelihood, impact)));

    public static Task<Issue> CreateIssueAsync(this StewardApp app, string unitCode, Guid ownerId, IssuePriority priority = IssuePriority.High) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<IssueRegister>().RaiseAsync(unitCode,
            new IssueInput($"Test issue {Guid.NewGuid().ToString("N")[..8]}", ownerId, priority)));

    public static Task<Dependency> CreateDependencyAsync(this StewardApp app, string unitCode, Guid ownerId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<DependencyRegister>().RaiseAsync(unitCode,
            new DependencyInput($"Test dependency {Guid.NewGuid().ToString("N")[..8]}", ownerId, new DateOnly(2027, 6, 30), ExternalParty: "A supplier")));

    public static Task<Assumption> CreateAssumptionAsync(this StewardApp app, string unitCode, Guid ownerId, DateOnly? validationDue = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AssumptionRegister>().RaiseAsync(unitCode,
            new AssumptionInput($"Test assumption {Guid.NewGuid().ToString("N")[..8]}", ownerId, ValidationDue: validationDue)));

    public static Task<Board> CreateBoardAsync(this StewardApp app, string unitCode, Guid chairId, params Guid[] members) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().CreateBoardAsync(unitCode,
            new BoardInput($"Board {Guid.NewGuid().ToString("N")[..8]}", chairId, BoardCadence.Monthly, "Decides on scope and tolerances", members)));

    public static Task<Meeting> CreateMeetingAsync(this StewardApp app, Guid boardId, DateTimeOffset? startsAt = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().ArrangeMeetingAsync(boardId,
            new MeetingInput(startsAt ?? new DateTimeOffset(2027, 3, 3, 10, 0, 0, TimeSpan.Zero), 90, "Room 4.12", [new AgendaItemInput("Highlight report")])));

    public static Task<Decision> CreateDecisionAsync(this StewardApp app, string unitCode, Guid personId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RecordDecisionAsync(unitCode,
            new DecisionInput($"Test decision {Guid.NewGuid().ToString("N")[..8]}", new DateOnly(2027, 1, 15), DecidedById: personId)));

    public static Task<ActionItem> CreateActionAsync(this StewardApp app, string unitCode, Guid ownerId, DateOnly? dueOn = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RaiseActionAsync(unitCode,
            new ActionInput($"Test action {Guid.NewGuid().ToString("N")[..8]}", ownerId, dueOn ?? new DateOnly(2027, 2, 1))));
}

public static class PlanTestData
{
    // A one-task plan on the unit (made if it has none); the new task's number.
    public static Task<int> CreatePlanTaskAsync(this StewardApp app, string unitCode) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<Steward.Features.Plans.PlanService>().AddTaskAsync(unitCode,
            new Steward.Features.Plans.TaskInput($"Task {Guid.NewGuid().ToString("N")[..8]}", Duration: "3d"))).Uid);
}

using Microsoft.EntityFrameworkCore;
using Steward.Features.People;
using Steward.Features.Units;

namespace Steward.Data;

// The believable department a new user sees first: the fictional Department for Public Protection,
// two portfolios, four programmes, fifteen projects and the people who run them, their RAID logs,
// governance and two project plans. Created through the
// same services as any user's data, so the demo can never hold what a user could not enter.
public static class DemoDepartment
{
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var who = sp.GetRequiredService<Features.History.ChangeContext>();
        who.BecomeOperator("Steward demo", Features.History.ChangeChannel.Job);
        var db = sp.GetRequiredService<StewardDbContext>();
        if (await db.Units.AnyAsync(ct))
        {
            return false;
        }

        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var people = new Dictionary<string, Guid>();
        foreach (var (key, name, role) in DemoPeople.All)
        {
            var email = $"{name.ToLowerInvariant().Replace(' ', '.').Replace("'", string.Empty, StringComparison.Ordinal)}@dpp.example";
            people[key] = (await sp.GetRequiredService<PersonService>().CreateAsync(new CreatePerson(name, email, role), ct)).Id;
        }

        var units = sp.GetRequiredService<UnitService>();
        var ids = new Dictionary<string, Guid>();
        foreach (var unit in DemoUnits.All)
        {
            var created = await units.CreateAsync(new CreateUnit(
                unit.Code, unit.Name, unit.Kind,
                ParentId: unit.Parent is null ? null : ids[unit.Parent],
                Category: unit.Category,
                Stage: unit.Stage,
                Description: unit.Description,
                Aims: unit.Aims,
                SroId: people[unit.Sro],
                ManagerId: people[unit.Manager],
                PmoContactId: people[unit.PmoContact],
                BaselineStart: today.AddMonths(unit.StartMonths),
                BaselineEnd: today.AddMonths(unit.EndMonths),
                ForecastStart: today.AddMonths(unit.StartMonths),
                ForecastEnd: today.AddMonths(unit.EndMonths + unit.SlipMonths)), ct);
            ids[unit.Code] = created.Id;
            if (unit.Paused)
            {
                await units.UpdateAsync(created.Id, created.Version, new UpdateUnit(
                    created.Code, created.Name, created.Category, created.Stage, UnitStatus.Paused, created.Description, created.Aims,
                    created.SroId, created.ManagerId, created.PmoContactId,
                    created.BaselineStart, created.BaselineEnd, created.ForecastStart, created.ForecastEnd), ct);
            }
        }

        // Each service's part (tolerances, RAID, governance, plans...), in the order its module gives.
        foreach (var seed in Infrastructure.Modules.StewardModules.DemoSeeds)
        {
            await seed.SeedAsync(new Infrastructure.Modules.DemoSeedContext(sp, people, today), ct);
        }

        await Features.Accounts.DemoAccounts.SeedAsync(sp, ct);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// RAID logs for a synthetic portfolio, for the register benchmarks: of every ten items seven are risks,
// one and a half issues, and the rest assumptions and dependencies, spread over programmes and projects,
// about two in three open. Written in batches through EF Core, so each item gets its history event as a
// real one would; tolerances are not set, so nothing is escalated.
public sealed class SyntheticRaid(int items, int seed)
{
    private const int BatchSize = 5000;
    private static readonly string[] Events = ["supplier cannot deliver on time", "key staff leave", "costs rise above the estimate", "data migration fails", "users reject the new service",
        "the legislation slips", "the security accreditation is refused", "a dependency on another programme is late", "funding is cut at the spending review", "testing finds critical defects"];

    public async Task SeedAsync(StewardDbContext db, IProgress<int> progress, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Portfolio).Select(u => u.Id).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        if (units.Count == 0 || people.Count == 0 || items == 0)
        {
            return;
        }

        var random = new Random(seed);
        var today = new DateOnly(2026, 11, 26);
        int risks = 0, issues = 0, assumptions = 0, dependencies = 0;
        var numbers = (
            Risk: await db.Risks.MaxAsync(r => (int?)r.Number, ct) ?? 0,
            Issue: await db.Issues.MaxAsync(r => (int?)r.Number, ct) ?? 0,
            Assumption: await db.Assumptions.MaxAsync(r => (int?)r.Number, ct) ?? 0,
            Dependency: await db.Dependencies.MaxAsync(r => (int?)r.Number, ct) ?? 0);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pending = 0;
        for (var i = 0; i < items; i++)
        {
            var unit = units[random.Next(units.Count)];
            var owner = people[random.Next(people.Count)];
            var what = Events[random.Next(Events.Length)];
            var open = random.Next(3) < 2;
            var roll = random.Next(20);
            if (roll < 14)
            {
                var likelihood = random.Next(1, 6);
                var impact = random.Next(1, 6);
                db.Risks.Add(new Risk
                {
                    Id = Guid.CreateVersion7(), Number = numbers.Risk + ++risks, UnitId = unit, Title = $"Risk that the {what} ({i + 1})", Event = $"The {what}",
                    Category = "Delivery", OwnerId = owner, RaisedOn = today.AddDays(-random.Next(1, 700)), Likelihood = likelihood, Impact = impact, Score = likelihood * impact,
                    Response = RiskResponse.Reduce, NextReviewDate = today.AddDays(random.Next(-60, 90)), Status = open ? RiskStatus.Open : RiskStatus.Closed,
                });
            }
            else if (roll < 17)
            {
                db.Issues.Add(new Issue
                {
                    Id = Guid.CreateVersion7(), Number = numbers.Issue + ++issues, UnitId = unit, Title = $"The {what} ({i + 1})", OwnerId = owner,
                    Priority = (IssuePriority)random.Next(4), RaisedOn = today.AddDays(-random.Next(1, 700)), TargetResolutionDate = today.AddDays(random.Next(-30, 120)),
                    Status = open ? IssueStatus.Open : IssueStatus.Closed, Resolution = open ? null : "Resolved",
                });
            }
            else if (roll < 19)
            {
                db.Assumptions.Add(new Assumption
                {
                    Id = Guid.CreateVersion7(), Number = numbers.Assumption + ++assumptions, UnitId = unit, Statement = $"It is assumed that no {what} ({i + 1})", OwnerId = owner,
                    ValidationDue = today.AddDays(random.Next(-60, 180)), Status = open ? AssumptionStatus.Unvalidated : AssumptionStatus.Validated,
                });
            }
            else
            {
                var needed = today.AddDays(random.Next(-30, 365));
                db.Dependencies.Add(new Dependency
                {
                    Id = Guid.CreateVersion7(), Number = numbers.Dependency + ++dependencies, UnitId = unit, Title = $"Input needed before the {what} ({i + 1})", OwnerId = owner,
                    ExternalParty = "A supplier", NeededBy = needed, CommittedDate = needed.AddDays(random.Next(-20, 30)),
                    Status = open ? DependencyStatus.Agreed : DependencyStatus.Delivered,
                });
            }

            if (++pending == BatchSize || i == items - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
                progress.Report(i + 1);
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}

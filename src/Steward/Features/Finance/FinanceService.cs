using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Finance;

// Changes a unit's money. Forecasts and actuals are the people's who own them (finance contribute);
// the budget changes only by a new baseline, approved (finance approve) by a named decision. Every change
// moves the unit's finance version, so two people changing the same unit's money cannot both win.
public sealed class FinanceService(StewardDbContext db, RegisterUnits units, IApprovingDecisions decisions, TimeProvider clock)
{
    private const string Register = "finance";

    // Forecasts and actuals. Returns the unit's new finance version.
    public async Task<int> ChangeAsync(string unitKey, FinanceLayer layer, int? expectedVersion, FinanceChangeInput input, CancellationToken ct = default)
    {
        if (layer == FinanceLayer.Budget)
        {
            throw new ArgumentException("The budget changes only by a new baseline", nameof(layer));
        }

        var verb = layer == FinanceLayer.Forecast ? "change the forecast of" : "record actuals for";
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Contribute, unitKey, RecordChange.Amend, verb, Register, ct);
        var failures = new List<ValidationFailure>();
        var reason = Reason(input.Reason, failures);
        var lines = FinanceLineParser.Parse(input.Lines, failures);
        if (layer == FinanceLayer.Actual && input.Lines is not null)
        {
            RefuseFutureActuals(input.Lines, lines, failures);
        }

        Throw(failures);
        var finance = await OpenAsync(unit.Id, unit.Code, expectedVersion, ct);
        var existing = await db.FinanceLines.Where(l => l.UnitId == unit.Id && l.Layer == layer && l.Baseline == 0).ToListAsync(ct);
        var (before, after) = Apply(unit.Id, layer, 0, existing, lines, reason);
        if (layer == FinanceLayer.Forecast && !input.ChangeTotal && before != after)
        {
            throw new ValidationException([new ValidationFailure("changeTotal",
                $"This re-phasing changes the total of the lines it names from {new Money(before).Exact()} to {new Money(after).Exact()}: move money without changing the total, or say that it changes the total")]);
        }

        Log(unit.Id, layer, 0, reason, lines.Count, before, after);
        return await SaveAsync(finance, unit.Code, ct);
    }

    // Money moved from one forecast month to another (ForecastMove): an ordinary re-phasing that keeps the total.
    public async Task<int> MoveForecastAsync(string unitKey, int? expectedVersion, ForecastMoveInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Contribute, unitKey, RecordChange.Amend, "change the forecast of", Register, ct);
        var lines = await ForecastMove.LinesAsync(db, unit.Id, input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return await ChangeAsync(unit.Id.ToString(), FinanceLayer.Forecast, expectedVersion, new FinanceChangeInput(input.Reason, false, lines), ct);
    }

    // A new budget baseline: the current one's lines carry over, those named are replaced, and the old
    // baseline stays, no longer current.
    public async Task<int> RebaselineAsync(string unitKey, int? expectedVersion, BaselineInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Approve, unitKey, RecordChange.Commitment, "re-baseline the budget of", Register, ct);
        var failures = new List<ValidationFailure>();
        var reason = Reason(input.Reason, failures);
        var lines = FinanceLineParser.Parse(input.Lines, failures);
        ApprovingDecision? decision = null;
        if (string.IsNullOrWhiteSpace(input.Decision))
        {
            failures.Add(new ValidationFailure("decision", "Name the decision that approved the budget, as the decisions log quotes it (DEC-0007)"));
        }
        else if ((decision = await decisions.FindAsync(input.Decision, unit.Path, ct)) is null)
        {
            failures.Add(new ValidationFailure("decision", $"No decision '{input.Decision.Trim()}' is recorded on {unit.Code} or a unit above it"));
        }

        Throw(failures);
        var finance = await OpenAsync(unit.Id, unit.Code, expectedVersion, ct);
        var previous = await db.FinanceLines.Where(l => l.UnitId == unit.Id && l.Layer == FinanceLayer.Budget && l.Current).ToListAsync(ct);
        var number = finance.Baseline + 1;
        var carried = new List<FinanceLine>();
        foreach (var old in previous)
        {
            old.Current = false;
            var copy = new FinanceLine
            {
                Id = Guid.CreateVersion7(), UnitId = unit.Id, Layer = FinanceLayer.Budget, Baseline = number,
                Category = old.Category, CostType = old.CostType, Year = old.Year, Reason = reason,
            };
            for (var p = 1; p <= FinancialYear.Periods; p++)
            {
                copy[p] = old[p];
            }

            db.FinanceLines.Add(copy);
            carried.Add(copy);
        }

        var wasTotal = previous.Sum(l => l.Total);
        Apply(unit.Id, FinanceLayer.Budget, number, carried, lines, reason);
        var nowTotal = db.ChangeTracker.Entries<FinanceLine>().Where(e => e.Entity.Layer == FinanceLayer.Budget && e.Entity.Baseline == number).Sum(e => e.Entity.Total);
        Log(unit.Id, FinanceLayer.Budget, number, reason, lines.Count, wasTotal, nowTotal);
        finance.Baseline = number;
        db.FinanceBaselines.Add(new FinanceBaseline
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, Number = number, Reason = reason, Decision = decision!.Reference,
            ApprovedOn = decision.DecidedOn, ApprovedBy = db.ChangeContext.Actor,
        });
        return await SaveAsync(finance, unit.Code, ct);
    }

    // Whether people who hold only the Viewer role see this unit's money, and that of the units below it,
    // as totals. The department's choice about its own figures, so it needs the right to approve them.
    public async Task<int> SetTotalsOnlyForViewersAsync(string unitKey, int? expectedVersion, FinanceViewersInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Approve, unitKey, RecordChange.Amend, "choose what viewers see of the money of", Register, ct);
        if (input.TotalsOnly is not { } totalsOnly)
        {
            throw new ValidationException([new ValidationFailure("totalsOnly", "Say true (viewers see totals only) or false (they see every line)")]);
        }

        var finance = await OpenAsync(unit.Id, unit.Code, expectedVersion, ct);
        finance.TotalsOnlyForViewers = totalsOnly;
        return await SaveAsync(finance, unit.Code, ct);
    }

    private void Log(Guid unitId, FinanceLayer layer, int baseline, string reason, int lines, long before, long after) =>
        db.FinanceChanges.Add(new FinanceChange { Id = Guid.CreateVersion7(), UnitId = unitId, Layer = layer, Baseline = baseline, Reason = reason, Lines = lines, Before = before, After = after, By = db.ChangeContext.Actor });

    // Sets the months each line names (adding the line where the unit has none), and says what the lines
    // named came to before and after, in pence.
    private (long Before, long After) Apply(Guid unitId, FinanceLayer layer, int baseline, List<FinanceLine> existing, List<ParsedLine> lines, string reason)
    {
        long before = 0, after = 0;
        var byKey = existing.ToDictionary(l => (l.Category, l.CostType, l.Year));
        foreach (var line in lines)
        {
            if (!byKey.TryGetValue((line.Category, line.CostType, line.Year.Start), out var row))
            {
                row = new FinanceLine { Id = Guid.CreateVersion7(), UnitId = unitId, Layer = layer, Baseline = baseline, Category = line.Category, CostType = line.CostType, Year = line.Year.Start };
                db.FinanceLines.Add(row);
                byKey[(line.Category, line.CostType, line.Year.Start)] = row;
            }

            before += row.Total;
            foreach (var (period, pence) in line.Months)
            {
                row[period] = pence;
            }

            row.Reason = reason;
            after += row.Total;
        }

        return (before, after);
    }

    private void RefuseFutureActuals(List<FinanceLineInput> inputs, List<ParsedLine> lines, List<ValidationFailure> failures)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var line in lines)
        {
            foreach (var (key, _) in inputs[line.Index].Months ?? [])
            {
                if (FinanceLineParser.Period(key) is { } period && line.Year.FirstDayOf(period) > thisMonth)
                {
                    failures.Add(new ValidationFailure($"lines[{line.Index}].months.{key}",
                        $"{line.Year.PeriodLabel(period)} has not started: actuals are recorded only for months that have (this is {FinancialYear.Of(today).PeriodLabel(FinancialYear.PeriodOf(today))})"));
                }
            }
        }
    }

    private async Task<UnitFinance> OpenAsync(Guid unitId, string unitCode, int? expectedVersion, CancellationToken ct)
    {
        var finance = await db.Finances.FirstOrDefaultAsync(f => f.UnitId == unitId, ct);
        if (finance is null)
        {
            finance = new UnitFinance { Id = Guid.CreateVersion7(), UnitId = unitId };
            db.Finances.Add(finance);
            return finance;
        }

        if (expectedVersion is { } version && finance.Version != version)
        {
            throw new StaleVersionException($"the finance of {unitCode}", version, finance.Version);
        }

        db.Entry(finance).State = EntityState.Modified;
        return finance;
    }

    private async Task<int> SaveAsync(UnitFinance finance, string unitCode, CancellationToken ct)
    {
        var created = db.Entry(finance).State == EntityState.Added;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await FinanceRollups.ApplyAsync(db, ct);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException($"the finance of {unitCode}", finance.Version - 1, finance.Version);
        }
        catch (DbUpdateException) when (created)
        {
            // Someone else gave this unit its first money at the same moment (the unique index on the unit).
            throw new StaleVersionException($"the finance of {unitCode}", 0, 1);
        }

        return finance.Version;
    }

    private static string Reason(string? reason, List<ValidationFailure> failures)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            failures.Add(new ValidationFailure("reason", "Say why the money changes: it is kept in the history"));
        }
        else if (text.Length > FinanceLine.ReasonMaxLength)
        {
            failures.Add(new ValidationFailure("reason", $"The reason can be at most {FinanceLine.ReasonMaxLength} characters, not {text.Length}"));
        }

        return text;
    }

    private static void Throw(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}

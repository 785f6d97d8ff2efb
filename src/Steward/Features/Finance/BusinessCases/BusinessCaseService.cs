using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance.Appraisal;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Finance.BusinessCases;

// Writes a unit's business case: the Finance and Business Case Manager (finance contribute) writes it; a
// stage is approved (finance approve) by naming the decision in the governance log that approved it; and
// an approved full business case's preferred option can set the unit's finance baseline.
public sealed class BusinessCaseService(StewardDbContext db, RegisterUnits units, IApprovingDecisions decisions, FinanceService finance)
{
    private const string Register = "business case";
    public const int MaxOptions = 12;

    public async Task<int> SaveAsync(string unitKey, int? expectedVersion, BusinessCaseInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Contribute, unitKey, RecordChange.Commitment, "write the business case of", Register, ct);
        var failures = new List<ValidationFailure>();
        var stage = Choice<BusinessCaseStage>("stage", input.Stage, failures);
        var type = Choice<ProjectType>("projectType", input.ProjectType, failures);
        FinancialYear? baseYear = null;
        if (FinancialYear.TryParse(input.BaseYear, out var by))
        {
            baseYear = by;
        }
        else
        {
            failures.Add(new ValidationFailure("baseYear", string.IsNullOrWhiteSpace(input.BaseYear)
                ? "Give the base year: the financial year whose prices the appraisal is in (2026-27)"
                : $"'{input.BaseYear}' is not a financial year: write it as 2026-27"));
        }

        Text("strategic", input.Strategic, BusinessCase.CaseMaxLength, failures);
        Text("economic", input.Economic, BusinessCase.CaseMaxLength, failures);
        Text("commercial", input.Commercial, BusinessCase.CaseMaxLength, failures);
        Text("financial", input.Financial, BusinessCase.CaseMaxLength, failures);
        Text("management", input.Management, BusinessCase.CaseMaxLength, failures);
        Text("links", input.Links, BusinessCase.LinksMaxLength, failures);
        var options = Options(input, baseYear, type is { } t ? OptimismBiasBounds.For(t) : null, failures);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var existing = await db.Set<BusinessCase>().Include(c => c.Options).FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct);
        if (existing is not null && expectedVersion is { } version && existing.Version != version)
        {
            throw new StaleVersionException($"the business case of {unit.Code}", version, existing.Version);
        }

        var businessCase = existing ?? new BusinessCase { Id = Guid.CreateVersion7(), UnitId = unit.Id };
        if (existing is null)
        {
            db.Add(businessCase);
        }
        else
        {
            db.Entry(existing).State = EntityState.Modified;
        }

        (businessCase.Stage, businessCase.ProjectType, businessCase.BaseYear) = (stage!.Value, type!.Value, baseYear!.Value.Start);
        (businessCase.Strategic, businessCase.Economic, businessCase.Commercial, businessCase.Financial, businessCase.Management, businessCase.Links) =
            (Blank(input.Strategic), Blank(input.Economic), Blank(input.Commercial), Blank(input.Financial), Blank(input.Management), Blank(input.Links));

        // Options are matched by name, so an option kept keeps its history.
        var kept = new List<AppraisalOption>();
        for (var i = 0; i < options.Count; i++)
        {
            var given = options[i];
            var option = businessCase.Options.FirstOrDefault(o => string.Equals(o.Name, given.Name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                option = new AppraisalOption { Id = Guid.CreateVersion7(), BusinessCaseId = businessCase.Id, Name = given.Name };
                businessCase.Options.Add(option);
            }

            (option.Position, option.Name, option.Kind, option.Description, option.OptimismBias, option.OptimismBiasReason, option.CashFlows) =
                (i, given.Name, given.Kind, given.Description, given.OptimismBias, given.OptimismBiasReason, CashFlowText.Format(given.Years));
            kept.Add(option);
        }

        foreach (var gone in businessCase.Options.Except(kept).ToList())
        {
            businessCase.Options.Remove(gone);
            db.Remove(gone);
        }

        businessCase.PreferredOptionId = string.IsNullOrWhiteSpace(input.Preferred) ? null
            : kept.First(o => string.Equals(o.Name, input.Preferred.Trim(), StringComparison.OrdinalIgnoreCase)).Id;
        return await SaveChangesAsync(businessCase, unit.Code, existing is null, ct);
    }

    public async Task<int> ApproveAsync(string unitKey, int? expectedVersion, ApprovalInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Approve, unitKey, RecordChange.Commitment, "approve the business case of", Register, ct);
        var failures = new List<ValidationFailure>();
        var stage = Choice<BusinessCaseStage>("stage", input.Stage, failures);
        ApprovingDecision? decision = null;
        if (string.IsNullOrWhiteSpace(input.Decision))
        {
            failures.Add(new ValidationFailure("decision", "Name the decision that approved the stage, as the decisions log quotes it (DEC-0007)"));
        }
        else if ((decision = await decisions.FindAsync(input.Decision, unit.Path, ct)) is null)
        {
            failures.Add(new ValidationFailure("decision", $"No decision '{input.Decision.Trim()}' is recorded on {unit.Code} or a unit above it"));
        }

        var businessCase = await db.Set<BusinessCase>().FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct)
            ?? throw new RecordStateConflictException($"{unit.Code} has no business case to approve: write it first.");
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        if (expectedVersion is { } version && businessCase.Version != version)
        {
            throw new StaleVersionException($"the business case of {unit.Code}", version, businessCase.Version);
        }

        (businessCase.Stage, businessCase.ApprovedStage, businessCase.ApprovalDecision, businessCase.ApprovedOn, businessCase.ApprovedBy) =
            (stage!.Value, stage.Value, decision!.Reference, decision.DecidedOn, decision.DecidedBy);
        return await SaveChangesAsync(businessCase, unit.Code, false, ct);
    }

    // The approved full business case's preferred option becomes the unit's budget: each year's costs
    // (before optimism bias, which is an appraisal allowance, not money) spread over the year's months, in
    // one category; every other budget line goes to nothing, so the whole-life cost is the option's.
    public async Task<int> SetFinanceBaselineAsync(string unitKey, CaseBaselineInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Finance, PmoAction.Approve, unitKey, RecordChange.Commitment, "re-baseline the budget of", "finance", ct);
        var businessCase = await db.Set<BusinessCase>().AsNoTracking().Include(c => c.Options).FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct)
            ?? throw new RecordStateConflictException($"{unit.Code} has no business case to set the budget from.");
        if (businessCase.ApprovedStage != BusinessCaseStage.Fbc || businessCase.ApprovalDecision is null)
        {
            throw new RecordStateConflictException($"The business case of {unit.Code} has no approved full business case (FBC) to set the budget from.");
        }

        var preferred = businessCase.Options.FirstOrDefault(o => o.Id == businessCase.PreferredOptionId)
            ?? throw new RecordStateConflictException($"The business case of {unit.Code} names no preferred option to set the budget from.");
        var category = Choice<SpendingCategory>("category", input.Category, []) ?? throw new ValidationException(
            [new ValidationFailure("category", $"Choose the category the costs are budgeted in: {string.Join(", ", EnumText.All<SpendingCategory>())}")]);

        var lines = new List<FinanceLineInput>();
        var years = CashFlowText.Parse(preferred.CashFlows);
        foreach (var year in years)
        {
            lines.Add(new FinanceLineInput(EnumText.Of(category), null, year.Year.ToString(), Spread(year.Costs)));
        }

        var current = await db.FinanceLines.AsNoTracking().Where(l => l.UnitId == unit.Id && l.Layer == FinanceLayer.Budget && l.Current)
            .Select(l => new { l.Category, l.CostType, l.Year }).ToListAsync(ct);
        foreach (var other in current.Where(l => l.Category != category || l.CostType != CostType.Unspecified || years.All(y => y.Year.Start != l.Year)))
        {
            lines.Add(new FinanceLineInput(EnumText.Of(other.Category), EnumText.Of(other.CostType), new FinancialYear(other.Year).ToString(), Spread(0)));
        }

        var version = await db.Finances.AsNoTracking().Where(f => f.UnitId == unit.Id).Select(f => (int?)f.Version).FirstOrDefaultAsync(ct);
        return await finance.RebaselineAsync(unit.Id.ToString(), version,
            new BaselineInput($"Set from the approved full business case: {preferred.Name}", businessCase.ApprovalDecision, lines), ct);
    }

    private static Dictionary<string, AmountText> Spread(long pence)
    {
        var each = pence / FinancialYear.Periods;
        return Enumerable.Range(1, FinancialYear.Periods).ToDictionary(
            p => $"P{p}", p => new AmountText(((p == FinancialYear.Periods ? pence - (each * 11) : each) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed record CheckedOption(string Name, OptionKind Kind, string? Description, decimal OptimismBias, string? OptimismBiasReason, List<CashFlowYear> Years);

    private static List<CheckedOption> Options(BusinessCaseInput input, FinancialYear? baseYear, OptimismBiasBounds? bounds, List<ValidationFailure> failures)
    {
        var result = new List<CheckedOption>();
        var options = input.Options ?? [];
        if (options.Count > MaxOptions)
        {
            failures.Add(new ValidationFailure("options", $"An appraisal can compare at most {MaxOptions} options, not {options.Count}"));
            return result;
        }

        FinancialYear? first = null;
        for (var i = 0; i < options.Count; i++)
        {
            var field = $"options[{i}]";
            var option = options[i];
            var name = option.Name?.Trim() ?? string.Empty;
            if (name.Length == 0 || name.Length > AppraisalOption.NameMaxLength)
            {
                failures.Add(new ValidationFailure($"{field}.name", $"Give the option a name of 1 to {AppraisalOption.NameMaxLength} characters"));
            }
            else if (result.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add(new ValidationFailure($"{field}.name", $"Two options are called '{name}'"));
            }

            var kind = Choice<OptionKind>($"{field}.kind", option.Kind, failures);
            Text($"{field}.description", option.Description, AppraisalOption.TextMaxLength, failures);
            Text($"{field}.optimismBiasReason", option.OptimismBiasReason, AppraisalOption.TextMaxLength, failures);
            var bias = option.OptimismBias ?? bounds?.CostUpper ?? 0;
            if (bounds is not null && (bias < bounds.CostLower || bias > bounds.CostUpper))
            {
                failures.Add(new ValidationFailure($"{field}.optimismBias",
                    $"Optimism bias for {bounds.Label.ToLowerInvariant()} ({bounds.CostMeasure}) runs from {bounds.CostLower}% to {bounds.CostUpper}%, not {bias}%"));
            }
            else if (bounds is not null && bias < bounds.CostUpper && string.IsNullOrWhiteSpace(option.OptimismBiasReason))
            {
                failures.Add(new ValidationFailure($"{field}.optimismBiasReason", $"Say why the uplift is below the upper bound of {bounds.CostUpper}%: the risks that have been mitigated"));
            }

            var years = new List<CashFlowYear>();
            var given = option.Years ?? [];
            for (var j = 0; j < given.Count; j++)
            {
                var yearField = $"{field}.years[{j}]";
                if (!FinancialYear.TryParse(given[j].Year, out var year))
                {
                    failures.Add(new ValidationFailure($"{yearField}.year", $"'{given[j].Year}' is not a financial year: write it as 2026-27"));
                    continue;
                }

                if (years.Any(y => y.Year == year))
                {
                    failures.Add(new ValidationFailure($"{yearField}.year", $"{year} is given twice"));
                    continue;
                }

                if (baseYear is { } b && year.Start - b.Start > GreenBookDiscounting.LongestAppraisal)
                {
                    failures.Add(new ValidationFailure($"{yearField}.year", $"{year} is more than {GreenBookDiscounting.LongestAppraisal} years after the base year"));
                    continue;
                }

                var costs = Amount($"{yearField}.costs", given[j].Costs, failures);
                var benefits = Amount($"{yearField}.benefits", given[j].Benefits, failures);
                years.Add(new CashFlowYear(year, costs, benefits));
                if (first is null || year < first.Value)
                {
                    first = year;
                }
            }

            if (years.All(y => y.Costs == 0))
            {
                failures.Add(new ValidationFailure($"{field}.years", $"'{name}' has no costs: an option is appraised on what it costs, so give at least one year's costs"));
            }

            if (kind is { } k && name.Length > 0)
            {
                result.Add(new CheckedOption(name, k, Blank(option.Description), bias, Blank(option.OptimismBiasReason), years));
            }
        }

        if (baseYear is { } baseYr && first is { } firstYear && baseYr > firstYear)
        {
            failures.Add(new ValidationFailure("baseYear",
                $"The base year {baseYr} is after the appraisal's first year {firstYear}: the base year is the first year of the proposal, from which everything is discounted"));
        }

        if (options.Count > 0)
        {
            foreach (var (kind, words) in new[] { (OptionKind.BusinessAsUsual, "business as usual (or do nothing)"), (OptionKind.DoMinimum, "do minimum") })
            {
                var count = result.Count(o => o.Kind == kind);
                if (count != 1)
                {
                    failures.Add(new ValidationFailure("options", $"An appraisal has exactly one {words} option, not {count}"));
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Preferred) && !result.Any(o => string.Equals(o.Name, input.Preferred.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add(new ValidationFailure("preferred", $"No option is called '{input.Preferred.Trim()}'"));
        }

        return result;
    }

    private static long Amount(string field, AmountText? text, List<ValidationFailure> failures)
    {
        if (text is not { } given || string.IsNullOrWhiteSpace(given.Text))
        {
            return 0;
        }

        if (Money.TryParse(given.Text, out var money, out var problem))
        {
            return money.Pence;
        }

        failures.Add(new ValidationFailure(field, problem!));
        return 0;
    }

    private async Task<int> SaveChangesAsync(BusinessCase businessCase, string unitCode, bool created, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException($"the business case of {unitCode}", businessCase.Version - 1, businessCase.Version);
        }
        catch (DbUpdateException) when (created)
        {
            throw new StaleVersionException($"the business case of {unitCode}", 0, 1);
        }

        return businessCase.Version;
    }

    private static T? Choice<T>(string field, string? text, List<ValidationFailure> failures) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(EnumText.Of(value), text?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        failures.Add(new ValidationFailure(field, string.IsNullOrWhiteSpace(text)
            ? $"Choose one of: {string.Join(", ", EnumText.All<T>())}"
            : $"'{text}' is not one of: {string.Join(", ", EnumText.All<T>())}"));
        return null;
    }

    private static void Text(string field, string? text, int max, List<ValidationFailure> failures)
    {
        if (text is not null && text.Trim().Length > max)
        {
            failures.Add(new ValidationFailure(field, $"At most {max:N0} characters, not {text.Trim().Length:N0}"));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

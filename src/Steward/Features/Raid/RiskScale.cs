using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// A portfolio's names and definitions for the five likelihood and five impact levels ("Likely: 50% to
// 80% within the year"). Programmes and projects below use their portfolio's; without one, Steward's.
public sealed class RiskScale : IVersionedRecord
{
    public const int NameMaxLength = 60;
    public const int DefinitionMaxLength = 500;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public List<string> LikelihoodNames { get; set; } = [];
    public List<string> LikelihoodDefinitions { get; set; } = [];
    public List<string> ImpactNames { get; set; } = [];
    public List<string> ImpactDefinitions { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed record ScaleLevel(int Level, string Name, string? Definition);

// The scale that applies at a unit, and the portfolio that set it (null: Steward's own).
public sealed record RiskScaleView(UnitRef? SetOn, IReadOnlyList<ScaleLevel> Likelihood, IReadOnlyList<ScaleLevel> Impact, int? Version)
{
    public static readonly RiskScaleView Default = new(
        null,
        [.. RaidLabels.LikelihoodLevels.Select((name, i) => new ScaleLevel(i + 1, name, null))],
        [.. RaidLabels.ImpactLevels.Select((name, i) => new ScaleLevel(i + 1, name, null))],
        null);

    public string LikelihoodLabel(int level) => $"{level} {Likelihood[level - 1].Name}";

    public string ImpactLabel(int level) => $"{level} {Impact[level - 1].Name}";
}

public sealed record ScaleLevelInput(string? Name, string? Definition = null);

// Five likelihood levels and five impact levels, lowest first.
public sealed record RiskScaleInput(IReadOnlyList<ScaleLevelInput>? Likelihood, IReadOnlyList<ScaleLevelInput>? Impact);

internal sealed class RiskScaleInputValidator : AbstractValidator<RiskScaleInput>
{
    public RiskScaleInputValidator()
    {
        foreach (var (axis, field) in new[] { ("likelihood", nameof(RiskScaleInput.Likelihood)), ("impact", nameof(RiskScaleInput.Impact)) })
        {
            Func<RiskScaleInput, IReadOnlyList<ScaleLevelInput>?> levels = field == nameof(RiskScaleInput.Likelihood) ? s => s.Likelihood : s => s.Impact;
            RuleFor(s => levels(s))
                .Must(l => l is { Count: 5 }).WithMessage($"Give the five {axis} levels, lowest first").OverridePropertyName(field)
                .Must(l => l is null || l.All(x => !string.IsNullOrWhiteSpace(x.Name))).WithMessage($"Name every {axis} level")
                .Must(l => l is null || l.All(x => (x.Name?.Trim().Length ?? 0) <= RiskScale.NameMaxLength)).WithMessage($"A level's name must be {RiskScale.NameMaxLength} characters or fewer")
                .Must(l => l is null || l.All(x => (x.Definition?.Trim().Length ?? 0) <= RiskScale.DefinitionMaxLength)).WithMessage($"A level's definition must be {RiskScale.DefinitionMaxLength} characters or fewer")
                .Must(l => l is null || l.Select(x => x.Name?.Trim().ToLowerInvariant()).Distinct().Count() == l.Count).WithMessage($"Give each {axis} level a different name");
        }
    }
}

// Reading and setting scales. Setting one is for portfolios, by those who approve RAID items there.
public sealed class RiskScales(StewardDbContext db, UnitQueries units, AccessPolicy access)
{
    public Task<RiskScaleView> EffectiveAsync(string unitPath, CancellationToken ct = default) => EffectiveAsync(db, unitPath, ct);

    // The nearest scale on the unit's path, the unit itself included.
    public static async Task<RiskScaleView> EffectiveAsync(StewardDbContext db, string unitPath, CancellationToken ct = default)
    {
        var ids = UnitPath.Ids(unitPath);
        var scales = await db.RiskScales.AsNoTracking().Where(s => ids.Contains(s.UnitId)).ToListAsync(ct);
        var nearest = scales.OrderByDescending(s => ids.IndexOf(s.UnitId)).FirstOrDefault();
        if (nearest is null)
        {
            return RiskScaleView.Default;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == nearest.UnitId).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).FirstAsync(ct);
        return new RiskScaleView(unit, Levels(nearest.LikelihoodNames, nearest.LikelihoodDefinitions), Levels(nearest.ImpactNames, nearest.ImpactDefinitions), nearest.Version);
    }

    public async Task<RiskScaleView> SetAsync(string unitKey, int? expectedVersion, RiskScaleInput input, CancellationToken ct = default)
    {
        var unit = await RequirePortfolioAsync(unitKey, "set the risk scale of", ct);
        await new RiskScaleInputValidator().ValidateAndThrowAsync(input, ct);
        var scale = await db.RiskScales.FirstOrDefaultAsync(s => s.UnitId == unit.Id, ct);
        if (scale is null)
        {
            scale = new RiskScale { Id = Guid.CreateVersion7(), UnitId = unit.Id };
            db.RiskScales.Add(scale);
        }
        else if (expectedVersion is null)
        {
            throw new PreconditionRequiredException();
        }
        else if (scale.Version != expectedVersion)
        {
            throw new StaleVersionException($"the risk scale of {unit.Code}", expectedVersion.Value, scale.Version);
        }

        scale.LikelihoodNames = [.. input.Likelihood!.Select(l => l.Name!.Trim())];
        scale.LikelihoodDefinitions = [.. input.Likelihood!.Select(l => l.Definition?.Trim() ?? string.Empty)];
        scale.ImpactNames = [.. input.Impact!.Select(l => l.Name!.Trim())];
        scale.ImpactDefinitions = [.. input.Impact!.Select(l => l.Definition?.Trim() ?? string.Empty)];
        await db.SaveChangesAsync(ct);
        return await EffectiveAsync(unit.Path, ct);
    }

    // The portfolio goes back to Steward's own levels.
    // Like any change to a scale that is set, clearing it needs the version last read; the removal goes
    // through SaveChanges so that its history records what the scale held.
    public async Task ClearAsync(string unitKey, int? expectedVersion, CancellationToken ct = default)
    {
        var unit = await RequirePortfolioAsync(unitKey, "clear the risk scale of", ct);
        if (await db.RiskScales.FirstOrDefaultAsync(s => s.UnitId == unit.Id, ct) is not { } scale)
        {
            return;
        }

        if (expectedVersion is null)
        {
            throw new PreconditionRequiredException();
        }

        if (scale.Version != expectedVersion)
        {
            throw new StaleVersionException($"the risk scale of {unit.Code}", expectedVersion.Value, scale.Version);
        }

        db.RiskScales.Remove(scale);
        await db.SaveChangesAsync(ct);
    }

    private async Task<UnitView> RequirePortfolioAsync(string unitKey, string verb, CancellationToken ct)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(PmoArea.Raid, PmoAction.Approve, unit.Path, $"{verb} {unit.Code}", ct);
        if (unit.Kind != UnitKind.Portfolio)
        {
            throw new ValidationException([new ValidationFailure("unit", $"{unit.Code} is a {unit.Kind.ToString().ToLowerInvariant()}; the risk scale is set on its portfolio and used by everything below it")]);
        }

        return unit;
    }

    private static List<ScaleLevel> Levels(List<string> names, List<string> definitions) =>
        names.Select((name, i) => new ScaleLevel(i + 1, name, i < definitions.Count && definitions[i].Length > 0 ? definitions[i] : null)).ToList();
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What raising and editing a risk share: the form and its choices.
public abstract class RiskFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<RiskForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Title", "Input.IsOpportunity", "Input.Category", "Input.Cause", "Input.Event", "Input.Effect", "Input.OwnerId",
        "Input.Likelihood", "Input.Impact", "Input.InherentLikelihood", "Input.InherentImpact", "Input.TargetLikelihood",
        "Input.TargetImpact", "Input.Response", "Input.ProximityDate", "Input.NextReviewDate",
    ];

    // The unit's portfolio's names for the levels.
    public RiskScaleView Scale { get; private set; } = RiskScaleView.Default;

    public IEnumerable<SelectListItem> Likelihoods =>
        Scale.Likelihood.Select(l => new SelectListItem(Scale.LikelihoodLabel(l.Level), l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> Impacts =>
        Scale.Impact.Select(i => new SelectListItem(Scale.ImpactLabel(i.Level), i.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        await base.LoadChoicesAsync(ct);
        Scale = await RiskScales.EffectiveAsync(Db, Unit.Path, ct);
    }

    public static IEnumerable<SelectListItem> Responses =>
        Enum.GetValues<RiskResponse>().Select(r => new SelectListItem(RaidLabels.Of(r), r.ToString()));

    public static IEnumerable<SelectListItem> Kinds =>
    [
        new("Threat|Something that could harm the objectives", "False"),
        new("Opportunity|Something that could help them", "True"),
    ];

    protected RiskInput ReadInput() => new(
        Input.Title, Input.OwnerId, Input.Likelihood, Input.Impact, Input.Cause, Input.Event, Input.Effect, Input.Category,
        Input.IsOpportunity, null, null, ReadDate(Input.ProximityDate, "Proximity date", nameof(RiskForm.ProximityDate)),
        Input.InherentLikelihood, Input.InherentImpact, Input.TargetLikelihood, Input.TargetImpact, Input.Response,
        ReadDate(Input.NextReviewDate, "Next review date", nameof(RiskForm.NextReviewDate)));

}

// What the risk form posts. Dates stay as typed until read, so a wrong one is shown back as entered.
public sealed class RiskForm : IEditForm
{
    public string? Title { get; set; }
    public bool IsOpportunity { get; set; }
    public string? Category { get; set; }
    public string? Cause { get; set; }
    public string? Event { get; set; }
    public string? Effect { get; set; }
    public Guid? OwnerId { get; set; }
    public int? Likelihood { get; set; }
    public int? Impact { get; set; }
    public int? InherentLikelihood { get; set; }
    public int? InherentImpact { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetImpact { get; set; }
    public RiskResponse? Response { get; set; }
    public DateParts ProximityDate { get; set; } = new();
    public DateParts NextReviewDate { get; set; } = new();
    public int Version { get; set; }

    public static RiskForm From(RiskView risk) => new()
    {
        Title = risk.Title,
        IsOpportunity = risk.IsOpportunity,
        Category = risk.Category,
        Cause = risk.Cause,
        Event = risk.Event,
        Effect = risk.Effect,
        OwnerId = risk.Owner.Id,
        Likelihood = risk.Current.Likelihood,
        Impact = risk.Current.Impact,
        InherentLikelihood = risk.Inherent?.Likelihood,
        InherentImpact = risk.Inherent?.Impact,
        TargetLikelihood = risk.Target?.Likelihood,
        TargetImpact = risk.Target?.Impact,
        Response = risk.Response,
        ProximityDate = DateParts.From(risk.ProximityDate),
        NextReviewDate = DateParts.From(risk.NextReviewDate),
        Version = risk.Version,
    };
}

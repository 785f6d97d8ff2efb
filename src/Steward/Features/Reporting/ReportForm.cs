using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// What the report's edit form posts: its words, the DCA and a rating with a justification per dimension.
public sealed class ReportForm : IEditForm
{
    public string? Summary { get; set; }
    public string? Achievements { get; set; }
    public string? NextPeriod { get; set; }
    public string? DecisionsNeeded { get; set; }
    public string? FiguresNote { get; set; }
    public string? Dca { get; set; }
    public string? DcaJustification { get; set; }
    public string? ScheduleRating { get; set; }
    public string? ScheduleJustification { get; set; }
    public string? CostRating { get; set; }
    public string? CostJustification { get; set; }
    public string? BenefitsRating { get; set; }
    public string? BenefitsJustification { get; set; }
    public string? RiskRating { get; set; }
    public string? RiskJustification { get; set; }
    public string? ResourcesRating { get; set; }
    public string? ResourcesJustification { get; set; }
    public string? ScopeRating { get; set; }
    public string? ScopeJustification { get; set; }
    public int Version { get; set; }

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Summary", "Input.Achievements", "Input.NextPeriod", "Input.DecisionsNeeded", "Input.FiguresNote", "Input.Dca", "Input.DcaJustification",
        .. Enum.GetNames<ReportDimension>().SelectMany(d => new[] { $"Input.{d}Rating", $"Input.{d}Justification" }),
    ];

    public static IReadOnlyList<SelectListItem> Rags { get; } =
        Enum.GetValues<Rag>().Select(r => new SelectListItem(DeliveryConfidence.Label(r), EnumText.Of(r))).ToList();

    public static IReadOnlyList<SelectListItem> DcaChoices(DcaScale scale) =>
        Enum.GetValues<DcaRating>().Where(r => DeliveryConfidence.OnScale(r, scale))
            .Select(r => new SelectListItem($"{DeliveryConfidence.Label(r)}|{DeliveryConfidence.Meaning(r)}", EnumText.Of(r))).ToList();

    public static ReportForm From(StatusReportView report)
    {
        var form = new ReportForm
        {
            Summary = report.Summary, Achievements = report.Achievements, NextPeriod = report.NextPeriod, DecisionsNeeded = report.DecisionsNeeded,
            FiguresNote = report.FiguresNote, Dca = report.Dca?.Rating, DcaJustification = report.Dca?.Justification, Version = report.Version,
        };
        foreach (var d in report.Dimensions)
        {
            form.Set(d.Dimension, d.Rating, d.Justification);
        }

        return form;
    }

    public StatusReportInput ToInput() => new(Summary, Achievements, NextPeriod, DecisionsNeeded, FiguresNote, Dca, DcaJustification,
        new(ScheduleRating, ScheduleJustification), new(CostRating, CostJustification), new(BenefitsRating, BenefitsJustification),
        new(RiskRating, RiskJustification), new(ResourcesRating, ResourcesJustification), new(ScopeRating, ScopeJustification));

    private void Set(string dimension, string? rating, string? why)
    {
        switch (dimension)
        {
            case "schedule": (ScheduleRating, ScheduleJustification) = (rating, why); break;
            case "cost": (CostRating, CostJustification) = (rating, why); break;
            case "benefits": (BenefitsRating, BenefitsJustification) = (rating, why); break;
            case "risk": (RiskRating, RiskJustification) = (rating, why); break;
            case "resources": (ResourcesRating, ResourcesJustification) = (rating, why); break;
            default: (ScopeRating, ScopeJustification) = (rating, why); break;
        }
    }

    // "schedule.justification" is "Input.ScheduleJustification"; "dca" is "Input.Dca".
    public static string FieldFor(string apiField)
    {
        var parts = apiField.Split('.');
        var name = string.Concat(parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return $"Input.{name}";
    }
}

using Steward.Features.Tolerances;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Risks from a spreadsheet: Steward's own export, common RAID templates, and headings as people actually
// spell them ("Probabilty", "Risk Cateogory").
public sealed class RiskImportKind() : RaidImportKind<RiskInput>("risks", "risk", Known, ["Risk Register", "Risks", "Risk Log", "RAID"], ["Title", "Likelihood", "Impact", "Next review"], db => new RiskInputValidator(db, checkPeople: false))
{
    public const string Title = "title";
    public const string Type = "type";
    public const string Category = "category";
    public const string Cause = "cause";
    public const string Event = "event";
    public const string Effect = "effect";
    public const string RaisedBy = "raisedBy";
    public const string RaisedOn = "raisedOn";
    public const string Proximity = "proximityDate";
    public const string InherentLikelihood = "inherentLikelihood";
    public const string InherentImpact = "inherentImpact";
    public const string Likelihood = "likelihood";
    public const string Impact = "impact";
    public const string TargetLikelihood = "targetLikelihood";
    public const string TargetImpact = "targetImpact";
    public const string Response = "response";
    public const string NextReview = "nextReviewDate";
    public const string Status = "status";

    private static readonly ImportFieldSet Known = CommonFields("Risk")
        .Field(Title, "Title", "Title", "Risk title", "Risk name", "Name", "Summary", "Short description", "Risk")
        .Field(Type, "Threat or opportunity", "Type", "Threat or opportunity", "Risk type")
        .Field(Category, "Category", "Category", "Risk category", "Risk Cateogory")
        .Field(Cause, "Cause", "Cause", "Risk cause", "Because of")
        .Field(Event, "Event (description)", "Event", "Description", "Risk description", "Risk event", "There is a risk that")
        .Field(Effect, "Effect", "Effect", "Consequence", "Consequences", "Risk effect", "Which would lead to", "Impact description")
        .Field(RaisedBy, "Raised by", "Raised by", "Author", "Entered by", "Identified by", "Raised by name")
        .Field(RaisedOn, "Date raised", "Date raised", "Raised on", "Date identified", "Identified on", "Date logged", "Date entered", "Date")
        .Field(Proximity, "Proximity date", "Proximity", "Proximity date")
        .Field(InherentLikelihood, "Inherent likelihood", "Inherent likelihood", "Inherent probability", "Gross likelihood", "Pre-mitigation likelihood")
        .Field(InherentImpact, "Inherent impact", "Inherent impact", "Gross impact", "Pre-mitigation impact")
        .Field(Likelihood, "Likelihood", "Likelihood", "Probability", "Probabilty", "Probability / Likelihood", "Probabilty / Likelihood", "Current likelihood", "Current probability", "Residual likelihood")
        .Field(Impact, "Impact", "Impact", "Current impact", "Severity", "Residual impact")
        .Field(TargetLikelihood, "Target likelihood", "Target likelihood", "Target probability")
        .Field(TargetImpact, "Target impact", "Target impact")
        .Field(Response, "Response", "Response", "Response type", "Response strategy", "Strategy", "Treatment")
        .Field(NextReview, "Next review date", "Next review", "Next review date", "Review date", "Review by")
        .Field(Status, "Status (open or closed)", "Status", "Risk status", "Current status")
        .Ignore([.. Bookkeeping, "Score", "Exposure", "Rating", "Realised as issue"]);

    protected override IReadOnlyList<(string[] AnyOf, string Missing)> Required { get; } =
        [([Title, Event], "the risk's title or description"), ([Likelihood], "the likelihood (or probability)"), ([Impact], "the impact")];

    public override async Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct)
    {
        var input = new RiskInput(
            Title: row.Text(Title) ?? Shorten(row.Text(Event)),
            OwnerId: owner,
            Likelihood: Level(row, Likelihood),
            Impact: Level(row, Impact),
            Cause: row.Text(Cause),
            Event: row.Text(Event),
            Effect: row.Text(Effect),
            Category: row.Text(Category),
            IsOpportunity: row.Text(Type) is { } type && type.Contains("opportun", StringComparison.OrdinalIgnoreCase),
            RaisedById: row.Person(RaisedBy),
            RaisedOn: row.Date(RaisedOn),
            ProximityDate: row.Date(Proximity),
            InherentLikelihood: Level(row, InherentLikelihood),
            InherentImpact: Level(row, InherentImpact),
            TargetLikelihood: Level(row, TargetLikelihood),
            TargetImpact: Level(row, TargetImpact),
            Response: row.Choice<RiskResponse>(Response, "a response: use avoid, reduce, transfer, share, accept, exploit or enhance"),
            NextReviewDate: row.Date(NextReview));
        var closed = Closed(row);
        if (!await AcceptsAsync(row, input, p => p == nameof(RiskInput.RaisedById) ? RaisedBy : FieldOf(p), ct))
        {
            return null;
        }

        var risk = new Risk { Id = Guid.CreateVersion7(), UnitId = target.UnitId, Title = input.Title!, Status = RiskStatus.Open };
        RiskRegister.Apply(risk, input);
        risk.RaisedOn = input.RaisedOn ?? row.Today;
        if (closed)
        {
            risk.Status = RiskStatus.Closed;
            risk.ClosedAt = row.Now;
        }

        return new ImportedItem(risk, target.UnitPath, [risk.Title, risk.Likelihood.ToString(CultureInfo.InvariantCulture), risk.Impact.ToString(CultureInfo.InvariantCulture), UkFormat.Date(risk.NextReviewDate)]);
    }

    public override async Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct) =>
        await db.Risks.MaxAsync(r => (int?)r.Number, ct) ?? 0;

    public override void Add(StewardDbContext db, IRaidItem item) => db.Risks.Add((Risk)item);

    public override void Place(IRaidItem item, ToleranceLadder ladder) => RaidEscalation.Place((Risk)item, ladder);

    private static int? Level(ImportRowReader row, string field)
    {
        if (row.Text(field) is not { } text)
        {
            return null;
        }

        if (RiskLevels.Parse(text) is { } level)
        {
            return level;
        }

        // A whole number off the scale is the validator's to explain ("must be from 1 to 5, not 6").
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        row.Problem(field, $"'{text}' is not a level from 1 to 5 (or Very low, Low, Medium, High, Very high)");
        return 0;
    }

    private static bool Closed(ImportRowReader row)
    {
        switch (row.Text(Status)?.Trim().ToLowerInvariant())
        {
            case null or "open" or "active" or "live" or "new" or "work in progress" or "wip" or "on hold" or "late":
                return false;
            case "closed" or "duplicate" or "resolved":
                return true;
            default:
                row.Problem(Status, $"'{row.Text(Status)}' is not a status Steward can import: use open or closed");
                return false;
        }
    }
}

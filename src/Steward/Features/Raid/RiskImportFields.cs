using System.Globalization;

namespace Steward.Features.Raid;

// The risk fields an import can fill, and the headings they are known by in Steward's own export,
// in common RAID templates and as people actually spell them ("Probabilty" included).
public static class RiskImportFields
{
    public const string Reference = "reference";
    public const string Unit = "unit";
    public const string Title = "title";
    public const string Type = "type";
    public const string Category = "category";
    public const string Cause = "cause";
    public const string Event = "event";
    public const string Effect = "effect";
    public const string Owner = "owner";
    public const string OwnerEmail = "ownerEmail";
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

    // Derived or Steward's own bookkeeping: recognised, so a re-imported export maps cleanly, but never imported.
    public const string Ignored = "ignored";

    private static readonly Dictionary<string, string> Known = Build();

    public static IReadOnlyList<string> All =>
    [
        Reference, Unit, Title, Type, Category, Cause, Event, Effect, Owner, OwnerEmail, RaisedBy, RaisedOn, Proximity,
        InherentLikelihood, InherentImpact, Likelihood, Impact, TargetLikelihood, TargetImpact, Response, NextReview, Status,
    ];

    // The field as the import page names it.
    public static string Label(string field) => field switch
    {
        Reference => "Their reference (kept in the report only)",
        Unit => "Unit code",
        Title => "Title",
        Type => "Threat or opportunity",
        Category => "Category",
        Cause => "Cause",
        Event => "Event (description)",
        Effect => "Effect",
        Owner => "Owner (name or e-mail)",
        OwnerEmail => "Owner's e-mail",
        RaisedBy => "Raised by",
        RaisedOn => "Date raised",
        Proximity => "Proximity date",
        InherentLikelihood => "Inherent likelihood",
        InherentImpact => "Inherent impact",
        Likelihood => "Likelihood",
        Impact => "Impact",
        TargetLikelihood => "Target likelihood",
        TargetImpact => "Target impact",
        Response => "Response",
        NextReview => "Next review date",
        Status => "Status (open or closed)",
        _ => field,
    };

    public static string? Recognise(string heading) => Known.GetValueOrDefault(Normalise(heading));

    public static bool IsKnown(string heading) => Known.ContainsKey(Normalise(heading));

    // "Probabilty / Likelihood" and "probability-likelihood" are the same heading.
    public static string Normalise(string heading) =>
        new([.. heading.ToLower(CultureInfo.InvariantCulture).Where(char.IsLetterOrDigit)]);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, params string[] headings)
        {
            foreach (var heading in headings)
            {
                map[Normalise(heading)] = field;
            }
        }

        Add(Reference, "Reference", "Ref", "ID", "Risk ID", "Risk ref", "Risk reference", "Risk number", "No", "Number");
        Add(Unit, "Unit", "Unit code", "Project code", "Programme code");
        Add(Title, "Title", "Risk title", "Risk name", "Name", "Summary", "Short description", "Risk");
        Add(Type, "Type", "Threat or opportunity", "Risk type");
        Add(Category, "Category", "Risk category", "Risk Cateogory");
        Add(Cause, "Cause", "Risk cause", "Because of");
        Add(Event, "Event", "Description", "Risk description", "Risk event", "There is a risk that");
        Add(Effect, "Effect", "Consequence", "Consequences", "Risk effect", "Which would lead to", "Impact description");
        Add(Owner, "Owner", "Risk owner", "Assigned to", "Assigned to owner", "Owner name", "Action owner");
        Add(OwnerEmail, "Owner email", "Owner e-mail", "Risk owner email");
        Add(RaisedBy, "Raised by", "Author", "Entered by", "Identified by", "Raised by name");
        Add(RaisedOn, "Date raised", "Raised on", "Date identified", "Identified on", "Date logged", "Date entered", "Date");
        Add(Proximity, "Proximity", "Proximity date");
        Add(InherentLikelihood, "Inherent likelihood", "Inherent probability", "Gross likelihood", "Pre-mitigation likelihood");
        Add(InherentImpact, "Inherent impact", "Gross impact", "Pre-mitigation impact");
        Add(Likelihood, "Likelihood", "Probability", "Probabilty", "Probability / Likelihood", "Probabilty / Likelihood", "Current likelihood", "Current probability", "Residual likelihood");
        Add(Impact, "Impact", "Current impact", "Severity", "Residual impact");
        Add(TargetLikelihood, "Target likelihood", "Target probability");
        Add(TargetImpact, "Target impact");
        Add(Response, "Response", "Response type", "Response strategy", "Strategy", "Treatment");
        Add(NextReview, "Next review", "Next review date", "Review date", "Review by");
        Add(Status, "Status", "Risk status", "Current status");
        Add(Ignored, "Score", "Exposure", "Rating", "RAG", "RAG status", "Unit name", "Escalated to", "Escalation", "Escalation reason",
            "Realised as issue", "Version", "Last updated (UTC)", "Last updated");
        return map;
    }
}

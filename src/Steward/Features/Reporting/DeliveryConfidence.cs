namespace Steward.Features.Reporting;

// The Delivery Confidence Assessment (uk-delivery-facts.md, "Delivery Confidence Assessment"): five
// points in GMPP data up to March 2021, three (Red, Amber, Green) from March 2022. One enum holds both, so
// a rating given on the five-point scale stays what it was when a portfolio moves to three points.
public enum DcaRating
{
    Green,
    AmberGreen,
    Amber,
    AmberRed,
    Red,
}

public enum DcaScale
{
    ThreePoint,
    FivePoint,
}

// A dimension's rating in a status report: red, amber or green.
public enum Rag
{
    Green,
    Amber,
    Red,
}

public static class DeliveryConfidence
{
    public static bool OnScale(DcaRating rating, DcaScale scale) =>
        scale == DcaScale.FivePoint || rating is DcaRating.Green or DcaRating.Amber or DcaRating.Red;

    // How a rating reads on another scale, for display only: what was recorded is never rewritten. Three
    // points read the same on five. From five to three Steward leans to the warning (the official mapping
    // was not published): Amber/Green "probable, constant attention needed" reads Amber, Amber/Red "in
    // doubt, urgent action needed" reads Red.
    public static DcaRating Display(DcaRating rating, DcaScale scale) => scale == DcaScale.FivePoint ? rating : rating switch
    {
        DcaRating.AmberGreen => DcaRating.Amber,
        DcaRating.AmberRed => DcaRating.Red,
        _ => rating,
    };

    // Higher is worse, on one line through both scales.
    public static int Severity(DcaRating rating) => (int)rating;

    public static int Severity(Rag rating) => rating switch
    {
        Rag.Green => 0,
        Rag.Amber => 2,
        _ => 4,
    };

    public static string Label(DcaRating rating) => rating switch
    {
        DcaRating.Green => "Green",
        DcaRating.AmberGreen => "Amber/Green",
        DcaRating.Amber => "Amber",
        DcaRating.AmberRed => "Amber/Red",
        _ => "Red",
    };

    public static string Label(Rag rating) => rating.ToString();

    public static string Label(DcaScale scale) => scale == DcaScale.FivePoint ? "five-point (Green, Amber/Green, Amber, Amber/Red, Red)" : "three-point (Green, Amber, Red)";

    // What each rating means, as the guidance words the five-point scale.
    public static string Meaning(DcaRating rating) => rating switch
    {
        DcaRating.Green => "Successful delivery appears highly likely; no major outstanding issues",
        DcaRating.AmberGreen => "Successful delivery appears probable; constant attention needed",
        DcaRating.Amber => "Successful delivery appears feasible; significant issues exist but appear resolvable",
        DcaRating.AmberRed => "Successful delivery is in doubt; major risks or issues in several key areas, urgent action needed",
        _ => "Successful delivery appears unachievable; it may need re-scoping or its viability reassessed",
    };

    // The GOV.UK tag colour a rating is shown in, beside its words (never colour alone).
    public static string TagClass(DcaRating rating) => rating switch
    {
        DcaRating.Green => "govuk-tag--green",
        DcaRating.AmberGreen => "govuk-tag--turquoise",
        DcaRating.Amber => "govuk-tag--yellow",
        DcaRating.AmberRed => "govuk-tag--orange",
        _ => "govuk-tag--red",
    };

    public static string TagClass(Rag rating) => rating switch
    {
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };
}

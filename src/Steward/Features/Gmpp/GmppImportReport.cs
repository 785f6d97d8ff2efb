using Steward.Features.Reporting;

namespace Steward.Features.Gmpp;

public enum GmppMatch
{
    // The unit already holds the project's GMPP id.
    GmppId,

    // The unit was given this name by an earlier GMPP file.
    PublishedName,

    // A unit of the same name, not yet linked to the GMPP: the person confirms it is the same project.
    UnitName,

    // No unit: one is created under the chosen portfolio or programme.
    New,
}

public enum GmppOutcome
{
    Added,
    Changed,
    Unchanged,
}

// One project of the file: which unit it goes to, how it was matched, and what importing does to its snapshot.
public sealed record GmppImportProject(string Where, string Name, string? GmppId, GmppMatch Match, string? UnitCode, GmppOutcome Outcome);

// What an import of one published file found and did. Nothing is written when Refused, when DryRun, or
// when NeedsConfirmation and the person has not confirmed. Findings lists the first of them (as many as
// the import limits say); FindingCount counts them all.
public sealed record GmppImportReport(
    string File, GmppLayout Layout, string? Encoding, DateOnly AsAt, string? FinancialYear, DcaScale DcaScale,
    IReadOnlyList<GmppImportProject> Projects, int FindingCount, IReadOnlyList<GmppFinding> Findings, IReadOnlyList<string> UnrecognisedHeadings,
    int ValuesWithheld, int ValuesNotGiven, bool Refused, bool NeedsConfirmation, bool DryRun, bool Written)
{
    public int Added => Projects.Count(p => p.Outcome == GmppOutcome.Added);

    public int Changed => Projects.Count(p => p.Outcome == GmppOutcome.Changed);

    public int Unchanged => Projects.Count(p => p.Outcome == GmppOutcome.Unchanged);

    public int NewUnits => Projects.Count(p => p.Match == GmppMatch.New);

    public int MatchedByName => Projects.Count(p => p.Match == GmppMatch.UnitName);

    public int KeptAsPublished => Findings.Count(f => !f.Refuses);
}

// An import asked for: the file's name (for the report), the portfolio or programme that receives projects
// no unit holds yet, the snapshot date when the file does not say it, and whether to write.
public sealed record GmppImportRequest(string FileName, string? Under, DateOnly? AsAt, bool DryRun, bool Confirm);

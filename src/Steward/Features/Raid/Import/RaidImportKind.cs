using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// The unit a row goes into: the unit imported into, or one below it that the row's Unit column names.
public sealed record ImportTarget(Guid UnitId, string UnitPath);

// A row read and checked: the item it becomes (numbered only when written) and how the preview shows it.
public sealed record ImportedItem(IRaidItem Item, string UnitPath, IReadOnlyList<string?> Preview);

// What differs between the registers an import can fill: their fields and headings, what a row must
// give, and how a row becomes an item. Reading the file, people, units, formula guards, the preview and
// the all-or-nothing write are RaidImport's, once for all four.
public abstract class RaidImportKind
{
    public const string Reference = "reference";
    public const string Unit = "unit";
    public const string Owner = "owner";
    public const string OwnerEmail = "ownerEmail";

    // As in the API's routes and the command line's --type: risks, issues, assumptions, dependencies.
    public abstract string Register { get; }

    public abstract string Singular { get; }

    public abstract ImportFieldSet Fields { get; }

    // Sheets to read first in a workbook with several, by name.
    public abstract IReadOnlyList<string> PreferredSheets { get; }

    public abstract IReadOnlyList<string> PreviewHeadings { get; }

    public static IReadOnlyList<string> Registers => ["risks", "issues", "assumptions", "dependencies"];

    public static RaidImportKind? For(string? register) => register?.Trim().ToLowerInvariant() switch
    {
        "risks" => new RiskImportKind(),
        "issues" => new IssueImportKind(),
        "assumptions" => new AssumptionImportKind(),
        "dependencies" => new DependencyImportKind(),
        _ => null,
    };

    // What the columns must give between them (the owner aside, which a default owner can fill), in words.
    public abstract IEnumerable<string> MissingFields(IReadOnlySet<string> mapped);

    // Looks up, once per import, whatever every row needs.
    public virtual Task PrepareAsync(StewardDbContext db, UnitView unit, CancellationToken ct) => Task.CompletedTask;

    // The item the row becomes, or null when the row has problems (each reported through the reader).
    public abstract Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct);

    public abstract Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct);

    public abstract void Add(StewardDbContext db, IRaidItem item);

    // Tolerances move open risks, issues and dependencies up the tree; assumptions only move by hand.
    public virtual void Place(IRaidItem item, IReadOnlyList<(Guid UnitId, EffectiveTolerance Tolerance)> chain)
    {
    }

    // The shared fields every register has: their reference (kept in the report only), the unit and the owner.
    protected static ImportFieldSet CommonFields(string referenceHeadingNoun) => new ImportFieldSet()
        .Field(Reference, "Their reference (kept in the report only)", "Reference", "Ref", "ID", $"{referenceHeadingNoun} ID", $"{referenceHeadingNoun} ref",
            $"{referenceHeadingNoun} reference", $"{referenceHeadingNoun} number", "No", "Number")
        .Field(Unit, "Unit code", "Unit", "Unit code", "Project code", "Programme code")
        .Field(Owner, "Owner (name or e-mail)", "Owner", $"{referenceHeadingNoun} owner", "Assigned to", "Assigned to owner", "Owner name", "Action owner")
        .Field(OwnerEmail, "Owner's e-mail", "Owner email", "Owner e-mail", $"{referenceHeadingNoun} owner email");

    // Steward's own bookkeeping in an export, recognised so that a re-import maps cleanly.
    protected static readonly string[] Bookkeeping = ["Unit name", "Escalated to", "Escalation", "Escalation reason", "Version", "Last updated (UTC)", "Last updated", "RAG", "RAG status"];

    // A title from the first line of a longer description, for templates that have no title column.
    protected static string? Shorten(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var firstLine = description.Split('\n')[0].Trim();
        return firstLine.Length <= Risk.TitleMaxLength ? firstLine : firstLine[..(Risk.TitleMaxLength - 1)].TrimEnd() + "…";
    }

    // A validator's property as the import field it was read from.
    protected static string FieldOf(string property) => property switch
    {
        "OwnerId" => Owner,
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };
}

using Steward.Features.Tolerances;
using FluentValidation;
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
public abstract class RaidImportKind(string register, string singular, ImportFieldSet fields, IReadOnlyList<string> preferredSheets, IReadOnlyList<string> previewHeadings)
{
    public const string Reference = "reference";
    public const string Unit = "unit";
    public const string Owner = "owner";
    public const string OwnerEmail = "ownerEmail";

    // As in the API's routes and the command line's --type: risks, issues, assumptions, dependencies.
    public string Register => register;

    public string Singular => singular;

    public ImportFieldSet Fields => fields;

    // Sheets to read first in a workbook with several, by name.
    public IReadOnlyList<string> PreferredSheets => preferredSheets;

    public IReadOnlyList<string> PreviewHeadings => previewHeadings;

    public static IReadOnlyList<string> Registers => ["risks", "issues", "assumptions", "dependencies"];

    public static RaidImportKind? For(string? register) => register?.Trim().ToLowerInvariant() switch
    {
        "risks" => new RiskImportKind(),
        "issues" => new IssueImportKind(),
        "assumptions" => new AssumptionImportKind(),
        "dependencies" => new DependencyImportKind(),
        _ => null,
    };

    // What the columns must give between them (the owner aside, which a default owner can fill): for
    // each requirement, any one of its fields, and the words that say what is missing.
    protected abstract IReadOnlyList<(string[] AnyOf, string Missing)> Required { get; }

    public IEnumerable<string> MissingFields(IReadOnlySet<string> mapped) =>
        Required.Where(r => !r.AnyOf.Any(mapped.Contains)).Select(r => r.Missing);

    // Looks up, once per import, whatever every row needs.
    public abstract Task PrepareAsync(StewardDbContext db, IUnitLocation unit, CancellationToken ct);

    // The item the row becomes, or null when the row has problems (each reported through the reader).
    public abstract Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct);

    public abstract Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct);

    public abstract void Add(StewardDbContext db, IRaidItem item);

    // Tolerances move open risks, issues and dependencies up the tree; assumptions only move by hand.
    public virtual void Place(IRaidItem item, ToleranceLadder ladder)
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

// A register whose rows are checked by the same validator as its form (people already resolved, so the
// validator does not look each one up again).
public abstract class RaidImportKind<TInput>(
    string register, string singular, ImportFieldSet fields, IReadOnlyList<string> preferredSheets, IReadOnlyList<string> previewHeadings,
    Func<StewardDbContext, IValidator<TInput>> validatorFor)
    : RaidImportKind(register, singular, fields, preferredSheets, previewHeadings)
{
    private IValidator<TInput>? validator;

    public override Task PrepareAsync(StewardDbContext db, IUnitLocation unit, CancellationToken ct)
    {
        validator = validatorFor(db);
        return Task.CompletedTask;
    }

    // Whether the row can be imported: every cell was read, and the form's rules hold (their failures are
    // reported, each at the column its property was read from). A cell that could not be read is not
    // checked again by the rules, which would only repeat it.
    protected async Task<bool> AcceptsAsync(ImportRowReader row, TInput input, Func<string, string> fieldOf, CancellationToken ct)
    {
        if (row.HasProblems)
        {
            return false;
        }

        await CheckAsync(row, input, fieldOf, ct);
        return !row.HasProblems;
    }

    // The validator's failures for the row, each placed at the column its property was read from.
    protected async Task<IReadOnlyList<FluentValidation.Results.ValidationFailure>> CheckAsync(
        ImportRowReader row, TInput input, Func<string, string> fieldOf, CancellationToken ct)
    {
        var failures = (await validator!.ValidateAsync(input, ct)).Errors;
        row.Problems(failures, fieldOf);
        return failures;
    }
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Assumptions from a spreadsheet. An assumption imported as invalid raises nothing: whatever it led to
// is in the file's own issue or risk log.
public sealed class AssumptionImportKind() : RaidImportKind<AssumptionInput>("assumptions", "assumption", Known, ["Assumptions", "Assumption Log", "RAID"], ["Assumption", "Status", "Validation due"], db => new AssumptionInputValidator(db, checkPeople: false))
{
    public const string Statement = "statement";
    public const string ImpactIfWrong = "impactIfWrong";
    public const string ValidationDue = "validationDue";
    public const string Status = "status";

    private static readonly Dictionary<string, AssumptionStatus> StatusWords = new(StringComparer.Ordinal)
    {
        ["open"] = AssumptionStatus.Unvalidated, ["new"] = AssumptionStatus.Unvalidated, ["notvalidated"] = AssumptionStatus.Unvalidated,
        ["tobevalidated"] = AssumptionStatus.Unvalidated, ["confirmed"] = AssumptionStatus.Validated, ["valid"] = AssumptionStatus.Validated,
        ["closed"] = AssumptionStatus.Validated, ["false"] = AssumptionStatus.Invalid, ["wrong"] = AssumptionStatus.Invalid, ["disproved"] = AssumptionStatus.Invalid,
    };

    private static readonly ImportFieldSet Known = CommonFields("Assumption")
        .Field(Statement, "The assumption", "Assumption", "Statement", "Description", "Assumption description", "Title", "Summary")
        .Field(ImpactIfWrong, "Impact if wrong", "Impact if wrong", "Impact if untrue", "Impact if invalid", "Impact", "Consequence")
        .Field(ValidationDue, "Validation due date", "Validation due", "Validation due date", "Validate by", "Date to validate", "Review date", "Due date")
        .Field(Status, "Status (unvalidated, validated or invalid)", "Status", "Assumption status", "Current status")
        .Ignore([.. Bookkeeping, "Validation overdue", "Raised as"]);

    protected override IReadOnlyList<(string[] AnyOf, string Missing)> Required { get; } =
        [([Statement], "the assumption itself")];

    public override async Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct)
    {
        var status = row.Choice(Status, "a status: use unvalidated, validated or invalid", StatusWords) ?? AssumptionStatus.Unvalidated;
        var input = new AssumptionInput(row.Text(Statement), owner, row.Text(ImpactIfWrong), row.Date(ValidationDue));
        if (!await AcceptsAsync(row, input, FieldOf, ct))
        {
            return null;
        }

        var assumption = new Assumption { Id = Guid.CreateVersion7(), UnitId = target.UnitId, Statement = input.Statement!, Status = status };
        AssumptionRegister.Apply(assumption, input);
        return new ImportedItem(assumption, target.UnitPath, [assumption.Statement, assumption.Status.ToString(), UkFormat.Date(assumption.ValidationDue)]);
    }

    public override async Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct) =>
        await db.Assumptions.MaxAsync(a => (int?)a.Number, ct) ?? 0;

    public override void Add(StewardDbContext db, IRaidItem item) => db.Assumptions.Add((Assumption)item);
}

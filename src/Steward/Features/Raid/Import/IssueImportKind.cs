using Steward.Features.Tolerances;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Issues from a spreadsheet: Steward's export and the issue log of a RAID template.
public sealed class IssueImportKind() : RaidImportKind<IssueInput>("issues", "issue", Known, ["Issue Log", "Issues", "Issue Register", "RAID"], ["Title", "Priority", "Status", "Target resolution"], db => new IssueInputValidator(db, checkPeople: false))
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Priority = "priority";
    public const string Impact = "impact";
    public const string RaisedOn = "raisedOn";
    public const string TargetResolution = "targetResolutionDate";
    public const string Resolution = "resolution";
    public const string Status = "status";

    private static readonly Dictionary<string, IssuePriority> PriorityWords = new(StringComparer.Ordinal)
    {
        ["veryhigh"] = IssuePriority.Critical, ["urgent"] = IssuePriority.Critical, ["p1"] = IssuePriority.Critical, ["1"] = IssuePriority.Critical,
        ["p2"] = IssuePriority.High, ["2"] = IssuePriority.High, ["p3"] = IssuePriority.Medium, ["3"] = IssuePriority.Medium,
        ["p4"] = IssuePriority.Low, ["4"] = IssuePriority.Low, ["med"] = IssuePriority.Medium, ["verylow"] = IssuePriority.Low,
    };

    private static readonly Dictionary<string, IssueStatus> StatusWords = new(StringComparer.Ordinal)
    {
        ["new"] = IssueStatus.Open, ["active"] = IssueStatus.Open, ["live"] = IssueStatus.Open, ["inprogress"] = IssueStatus.Open,
        ["workinprogress"] = IssueStatus.Open, ["wip"] = IssueStatus.Open, ["onhold"] = IssueStatus.Open, ["late"] = IssueStatus.Open, ["complete"] = IssueStatus.Closed,
        ["completed"] = IssueStatus.Closed, ["done"] = IssueStatus.Closed, ["duplicate"] = IssueStatus.Closed,
    };

    private static readonly ImportFieldSet Known = CommonFields("Issue")
        .Field(Title, "Title", "Title", "Issue title", "Issue name", "Name", "Summary", "Short description", "Issue")
        .Field(Description, "Description", "Description", "Issue description", "Details")
        .Field(Priority, "Priority (critical, high, medium or low)", "Priority", "Issue priority", "Severity")
        .Field(Impact, "Impact", "Impact", "Impact description", "Impact summary", "Effect", "Consequence")
        .Field(RaisedOn, "Date raised", "Date raised", "Raised on", "Date identified", "Identified on", "Date logged", "Date entered", "Date")
        .Field(TargetResolution, "Target resolution date", "Target resolution", "Target resolution date", "Expected resolution date", "Target date", "Resolve by", "Due date")
        .Field(Resolution, "Resolution", "Resolution", "Resolution details", "How resolved", "Final resolution and rationale", "Final Resolution and Rational")
        .Field(Status, "Status (open, resolved or closed)", "Status", "Issue status", "Current status")
        .Ignore([.. Bookkeeping, "From risk", "Raised by", "Author"]);

    protected override IReadOnlyList<(string[] AnyOf, string Missing)> Required { get; } =
        [([Title, Description], "the issue's title or description"), ([Priority], "the priority")];

    public override async Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct)
    {
        var status = row.Choice(Status, "a status Steward can import: use open, resolved or closed", StatusWords) ?? IssueStatus.Open;
        var input = new IssueInput(
            Title: row.Text(Title) ?? Shorten(row.Text(Description)),
            OwnerId: owner,
            Priority: row.Choice(Priority, "a priority: use critical, high, medium or low", PriorityWords),
            Description: row.Text(Description),
            Impact: row.Text(Impact),
            RaisedOn: row.Date(RaisedOn),
            TargetResolutionDate: row.Date(TargetResolution),
            // A template's "Duplicate" status closes the issue; that is its resolution unless the row gives one.
            Resolution: row.Text(Resolution) ?? (ImportFieldSet.Normalise(row.Text(Status) ?? string.Empty) == "duplicate" ? "Closed as a duplicate" : null),
            Status: status == IssueStatus.Closed ? IssueStatus.Resolved : status); // closing, like resolving, needs the resolution
        if (!await AcceptsAsync(row, input, FieldOf, ct))
        {
            return null;
        }

        var issue = new Issue { Id = Guid.CreateVersion7(), UnitId = target.UnitId, Title = input.Title!, Status = status };
        IssueRegister.Apply(issue, input);
        issue.RaisedOn = input.RaisedOn ?? row.Today;
        issue.ClosedAt = status == IssueStatus.Closed ? row.Now : null;
        return new ImportedItem(issue, target.UnitPath, [issue.Title, issue.Priority.ToString(), issue.Status.ToString(), UkFormat.Date(issue.TargetResolutionDate)]);
    }

    public override async Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct) =>
        await db.Issues.MaxAsync(i => (int?)i.Number, ct) ?? 0;

    public override void Add(StewardDbContext db, IRaidItem item) => db.Issues.Add((Issue)item);

    public override void Place(IRaidItem item, ToleranceLadder ladder) => RaidEscalation.Place((Issue)item, ladder);
}

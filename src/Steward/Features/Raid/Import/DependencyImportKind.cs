using Steward.Features.Tolerances;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Dependencies from a spreadsheet: each row needs something from another unit (by its code) or from a
// party outside Steward, exactly one of the two, as on the form.
public sealed class DependencyImportKind() : RaidImportKind<DependencyInput>("dependencies", "dependency", Known, ["Dependencies", "Dependency Log", "Dependency Register", "RAID"], ["What is needed", "From", "Needed by", "Status"], db => new DependencyInputValidator(db, checkPeople: false))
{
    public const string Title = "title";
    public const string Description = "description";
    public const string ProviderUnit = "providerUnit";
    public const string ExternalParty = "externalParty";
    public const string NeededBy = "neededBy";
    public const string CommittedDate = "committedDate";
    public const string ProviderOwner = "providerOwner";
    public const string Status = "status";

    private static readonly Dictionary<string, DependencyStatus> StatusWords = new(StringComparer.Ordinal)
    {
        ["open"] = DependencyStatus.Proposed, ["new"] = DependencyStatus.Proposed, ["requested"] = DependencyStatus.Proposed,
        ["agreed"] = DependencyStatus.Agreed, ["confirmed"] = DependencyStatus.Agreed, ["ontrack"] = DependencyStatus.Agreed,
        ["late"] = DependencyStatus.AtRisk, ["amber"] = DependencyStatus.AtRisk, ["complete"] = DependencyStatus.Delivered,
        ["completed"] = DependencyStatus.Delivered, ["closed"] = DependencyStatus.Delivered, ["met"] = DependencyStatus.Delivered,
        ["failed"] = DependencyStatus.Broken, ["missed"] = DependencyStatus.Broken,
    };

    private static readonly ImportFieldSet Known = CommonFields("Dependency")
        .Field(Title, "What is needed", "What is needed", "Dependency", "Title", "Dependency title", "Name", "Summary", "Deliverable")
        .Field(Description, "Description", "Description", "Dependency description", "Details")
        .Field(ProviderUnit, "From unit (its code)", "From unit", "Providing unit", "Provider unit", "Dependent on unit", "Depends on unit")
        .Field(ExternalParty, "From a party outside Steward", "From party outside Steward", "External party", "Supplier", "Third party", "Provider", "Depends on")
        .Field(NeededBy, "Needed-by date", "Needed by", "Needed by date", "Need date", "Required by", "Date required", "Due date")
        .Field(CommittedDate, "Committed date", "Committed date", "Committed", "Committed delivery date", "Forecast date", "Delivery date")
        .Field(ProviderOwner, "Owner on the providing side", "Providing owner", "Provider owner", "Provider contact", "Supplier contact")
        .Field(Status, "Status (proposed, agreed, at risk, delivered or broken)", "Status", "Dependency status", "Current status")
        .Ignore([.. Bookkeeping, "Working days late", "Days late"]);

    private Dictionary<string, Guid> unitsByCode = [];

    protected override IReadOnlyList<(string[] AnyOf, string Missing)> Required { get; } =
        [([Title], "what is needed"), ([ProviderUnit, ExternalParty], "who it is needed from (a unit's code, or a party outside Steward)"), ([NeededBy], "the date it is needed by")];

    public override async Task PrepareAsync(StewardDbContext db, IUnitLocation unit, CancellationToken ct)
    {
        await base.PrepareAsync(db, unit, ct);
        unitsByCode = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    public override async Task<ImportedItem?> ReadAsync(ImportRowReader row, ImportTarget target, Guid? owner, CancellationToken ct)
    {
        var input = new DependencyInput(
            Title: row.Text(Title),
            OwnerId: owner,
            NeededBy: row.Date(NeededBy),
            ProviderUnit: row.Text(ProviderUnit),
            ExternalParty: row.Text(ExternalParty),
            Description: row.Text(Description),
            CommittedDate: row.Date(CommittedDate),
            ProviderOwnerId: row.Person(ProviderOwner),
            Status: row.Choice(Status, "a status: use proposed, agreed, at risk, delivered or broken", StatusWords));
        if (row.HasProblems)
        {
            return null;
        }

        // The unit is looked up even when the row has other problems, so that all of them are reported at once.
        var failures = await CheckAsync(row, input, p => p == nameof(DependencyInput.ProviderOwnerId) ? ProviderOwner : FieldOf(p), ct);
        Guid? provider = null;
        if (input.ProviderUnit is { } code && failures.All(f => f.PropertyName != nameof(DependencyInput.ProviderUnit)))
        {
            if (!unitsByCode.TryGetValue(code, out var found))
            {
                row.Problem(ProviderUnit, $"No unit has the code {code}");
            }
            else if (found == target.UnitId)
            {
                row.Problem(ProviderUnit, $"{code} cannot depend on itself; name another unit or a party outside Steward");
            }
            else
            {
                provider = found;
            }
        }

        if (row.HasProblems)
        {
            return null;
        }

        var dependency = new Dependency { Id = Guid.CreateVersion7(), UnitId = target.UnitId, Title = input.Title!, Status = DependencyStatus.Proposed };
        DependencyRegister.Apply(dependency, input, provider);
        return new ImportedItem(dependency, target.UnitPath,
            [dependency.Title, input.ProviderUnit ?? input.ExternalParty, UkFormat.Date(dependency.NeededBy), RaidLabels.Of(dependency.Status)]);
    }

    public override async Task<int> HighestNumberAsync(StewardDbContext db, CancellationToken ct) =>
        await db.Dependencies.MaxAsync(d => (int?)d.Number, ct) ?? 0;

    public override void Add(StewardDbContext db, IRaidItem item) => db.Dependencies.Add((Dependency)item);

    public override void Place(IRaidItem item, ToleranceLadder ladder) => RaidEscalation.Place((Dependency)item, ladder);
}

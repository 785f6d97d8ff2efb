using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// A unit's RAID register, rolling up everything below it: risks with their heat map, or issues.
// Filters are a GET form, so every view of the register is a link that can be shared.
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires("Bulk", PmoArea.Raid, PmoAction.Contribute)]
public sealed class RegisterModel(RiskQueries risks, IssueQueries issues, DependencyQueries dependencies, AssumptionQueries assumptions, UnitQueries units, AccessPolicy access, StewardDbContext db, RiskBulkChange riskBulk, IssueBulkChange issueBulk, AssumptionBulkChange assumptionBulk, DependencyBulkChange dependencyBulk) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<UnitRef> Ancestors { get; private set; } = [];
    public CursorPage<RiskSummary>? Risks { get; private set; }
    public CursorPage<IssueSummary>? Issues { get; private set; }
    public HeatMap? HeatMap { get; private set; }
    public RiskScaleView Scale { get; private set; } = RiskScaleView.Default;
    public CursorPage<DependencyView>? Dependencies { get; private set; }
    public CursorPage<AssumptionView>? Assumptions { get; private set; }
    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];
    public bool CanRaise { get; private set; }

    // Open risks are shown to someone who may change risks here: each can be ticked and changed with others.
    public bool CanChangeInBulk { get; private set; }

    [BindProperty]
    public RaidBulkForm Bulk { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinScore { get; set; }
    [BindProperty(SupportsGet = true)] public int? Likelihood { get; set; }
    [BindProperty(SupportsGet = true)] public int? Impact { get; set; }
    [BindProperty(SupportsGet = true)] public string? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Escalated { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public bool ShowingIssues => string.Equals(Type, "issues", StringComparison.OrdinalIgnoreCase);

    public bool ShowingDependencies => string.Equals(Type, "dependencies", StringComparison.OrdinalIgnoreCase);

    public bool ShowingAssumptions => string.Equals(Type, "assumptions", StringComparison.OrdinalIgnoreCase);

    // Dependencies and assumptions have their own few filters; risks and issues share the rest.
    public bool ShowingRiskOrIssue => !ShowingDependencies && !ShowingAssumptions;

    // Who owns it and what its title says narrow every register but assumptions'.
    public bool FiltersByOwnerAndText => !ShowingAssumptions;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    // What the bulk form changes on this tab: the ticked risks or issues, and the date its middle button sets.
    public RaidBulkKind BulkKind => ShowingIssues ? RaidBulkKind.Issues : ShowingAssumptions ? RaidBulkKind.Assumptions : ShowingDependencies ? RaidBulkKind.Dependencies : RaidBulkKind.Risks;

    // On the dependencies tab, those this unit or one below it needs: only the needing side changes them, so
    // only these can be ticked (the ones it provides to others are listed too).
    public IReadOnlySet<Guid> NeededHere { get; private set; } = new HashSet<Guid>();

    // The ticked risks or issues reassigned, given a review or target date, or closed, all or none; the register's filters are kept.
    public async Task<IActionResult> OnPostBulkAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        // As the API's bulk endpoint asks: contribute here; each risk's own step then checks its own right.
        await access.DemandAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, $"the RAID log of {unit.Code}", ct);
        try
        {
            var kind = BulkKind;
            var date = Bulk.Date.Read(kind.DateLabel, out var dateError);
            if (dateError is not null && Bulk.Action == kind.DateAction)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("date", dateError)]);
            }

            var changed = kind == RaidBulkKind.Issues
                ? await issueBulk.ApplyAsync(unit.Code, new IssueBulkInput(Bulk.References, Bulk.Action, Bulk.OwnerId, date, Bulk.Reason), ct)
                : kind == RaidBulkKind.Assumptions
                ? await assumptionBulk.ApplyAsync(unit.Code, new AssumptionBulkInput(Bulk.References, Bulk.Action, Bulk.OwnerId, date, Bulk.Reason), ct)
                : kind == RaidBulkKind.Dependencies
                ? await dependencyBulk.ApplyAsync(unit.Code, new DependencyBulkInput(Bulk.References, Bulk.Action, Bulk.OwnerId, date, Bulk.Reason), ct)
                : await riskBulk.ApplyAsync(unit.Code, new RiskBulkInput(Bulk.References, Bulk.Action, Bulk.OwnerId, date, Bulk.Reason), ct);
            TempData["Notice"] = $"{(changed.Count == 1 ? $"1 {kind.Noun}" : $"{changed.Count} {kind.Nouns}")} {kind.Done(Bulk.Action)}: {string.Join(", ", changed)}";
            Unit = unit;
            return Redirect(Link(new Dictionary<string, string?>()));
        }
        catch (FluentValidation.ValidationException invalid)
        {
            await LoadAsync(code, ct);
            foreach (var error in invalid.Errors)
            {
                var field = error.PropertyName is "nextReviewDate" or "targetResolutionDate" or "validationDue" or "neededBy" ? "date" : error.PropertyName;
                ModelState.AddModelError("Bulk." + char.ToUpperInvariant(field[0]) + field[1..], error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Ancestors = await units.AncestorsAsync(unit.Parent?.Id, ct);
        CanRaise = unit.IsOpen && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        Owners = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(ct);
        try
        {
            if (ShowingAssumptions)
            {
                var query = new AssumptionListQuery { Status = Status };
                Assumptions = await assumptions.AssumptionsAsync(unit, query.StatusFilter, query.AllStatuses, Overdue, new RegisterPage(Cursor: Cursor), ct);
                CanChangeInBulk = !query.AllStatuses && query.StatusFilter is null or AssumptionStatus.Unvalidated && unit.Status != UnitStatus.Archived
                    && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
            }
            else if (ShowingDependencies)
            {
                var query = new DependencyListQuery { Status = Status, Late = Overdue, Escalated = Escalated, Owner = Owner, Q = Q };
                var filter = query.Filter();
                Dependencies = await dependencies.DependenciesAsync(unit, filter, new RegisterPage(Cursor: Cursor), ct);
                CanChangeInBulk = filter is { OpenOnly: true, Status: null } && unit.Status != UnitStatus.Archived
                    && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
                if (CanChangeInBulk)
                {
                    var needing = Dependencies.Items.Select(d => d.Unit.Id).Distinct().ToList();
                    NeededHere = (await db.IdsUnder(unit.Path).Where(id => needing.Contains(id)).ToListAsync(ct)).ToHashSet();
                }
            }
            else if (ShowingIssues)
            {
                var query = new IssueListQuery { Status = Status, Owner = Owner, Priority = Priority, Overdue = Overdue, Escalated = Escalated, Q = Q, Sort = Sort };
                var filter = query.Filter();
                Issues = await issues.IssuesAsync(unit, filter, query.Order, new RegisterPage(Cursor: Cursor), ct);
                CanChangeInBulk = filter is { Status: IssueStatus.Open, AllStatuses: false } && unit.Status != UnitStatus.Archived
                    && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
            }
            else
            {
                var query = new RiskListQuery { Status = Status, Owner = Owner, MinScore = MinScore, Likelihood = Likelihood, Impact = Impact, OverdueReview = Overdue, Escalated = Escalated, Q = Q, Sort = Sort };
                var filter = query.Filter();
                Risks = await risks.RisksAsync(unit, filter, query.Order, new RegisterPage(Cursor: Cursor), ct);
                HeatMap = await risks.HeatMapAsync(unit, filter, ct);
                Scale = await RiskScales.EffectiveAsync(db, unit.Path, ct);
                CanChangeInBulk = filter is { Status: RiskStatus.Open, AllStatuses: false } && unit.Status != UnitStatus.Archived
                    && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
            }
        }
        catch (FluentValidation.ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(error.PropertyName[0]) + error.PropertyName[1..], error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return true;
    }

    public string RegisterName => ShowingAssumptions ? "assumptions" : ShowingDependencies ? "dependencies" : ShowingIssues ? "issues" : "risks";

    // This view of the register as a spreadsheet, through the API (which Steward's own pages may call).
    public string DownloadLink(string format) =>
 $"/api/v1/units/{Unit.Code}/{RegisterName}/export" + Query(new Dictionary<string, string?> { ["format"] = format, ["type"] = null });

    // Where the bulk form posts: this view of the register, so a refusal shows it again as it was.
    public string BulkAction => Link(new Dictionary<string, string?>()) + (Query(new Dictionary<string, string?>()).Length > 0 ? "&" : "?") + "handler=Bulk";

    // This view of the register with some filters changed (null removes one), for links that keep the rest.
    public string Link(IDictionary<string, string?> changes) => $"/units/{Unit.Code}/raid" + Query(changes);

    private string Query(IDictionary<string, string?> changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["type"] = Type, ["status"] = Status, ["owner"] = Owner?.ToString(), ["minScore"] = MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["likelihood"] = Likelihood?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["impact"] = Impact?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["priority"] = Priority,
            ["overdue"] = Overdue ? "true" : null, ["escalated"] = Escalated ? "true" : null, ["q"] = Q, ["sort"] = Sort,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length > 0 ? "?" + query : string.Empty;
    }
}

// The register's bulk form: the ticked entries, the button pressed (Action) and the one field it needs.
public sealed class RaidBulkForm
{
    public List<string> References { get; set; } = [];
    public string? Action { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Reason { get; set; }
}

// How the bulk form reads for each register: the date it sets, the step that ends an entry (closing, or
// validating an assumption), and what the notice says was done.
public sealed record RaidBulkKind(string Noun, string DateAction, string DateLabel, string DateButton, string DateDone, string EndAction = "close", string EndQuestion = "Why are they being closed?", string? EndButton = null, string EndDone = "closed", string? Plural = null)
{
    public static readonly RaidBulkKind Risks = new("risk", "review", "Next review date", "Set their next review date", "given a next review date");
    public static readonly RaidBulkKind Issues = new("issue", "target", "Target resolution date", "Set their target date", "given a target resolution date");
    public static readonly RaidBulkKind Assumptions = new("assumption", "due", "Validate by", "Set the date to validate them by", "given a date to validate them by",
        "validate", "How were they confirmed?", "Mark the ticked assumptions as valid", "marked as valid");

    public static readonly RaidBulkKind Dependencies = new("dependency", "needed", "Needed by", "Set the date they are needed by", "given a new date they are needed by",
        "deliver", "What was delivered?", "Mark the ticked dependencies delivered", "marked delivered", Plural: "dependencies");

    public string Nouns => Plural ?? Noun + "s";

    public string Done(string? action) => action switch
    {
        "reassign" => "reassigned",
        _ when action == DateAction => DateDone,
        _ => EndDone,
    };
}

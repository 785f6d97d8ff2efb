using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// A unit's governance at a glance: its boards and those below, the meetings coming up, and the
// actions and decisions logs (rolled up), with overdue actions flagged.
[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, GovernanceQueries queries, AccessPolicy access, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<BoardView> Boards { get; private set; } = [];
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];
    public CursorPage<ActionView> Actions { get; private set; } = default!;
    public CursorPage<DecisionSummary> Decisions { get; private set; } = default!;
    public int OverdueActions { get; private set; }
    public bool CanContribute { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    // A unit below this one, by code: its actions and those below it.
    [BindProperty(SupportsGet = true, Name = "within")]
    public string? Within { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts DueFrom { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts DueTo { get; set; } = new();

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    // The filters as the API's query string, for the export links.
    public string ExportQuery { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Boards = await queries.BoardsAsync(unit, ct);
        Upcoming = await queries.MeetingsAsync(unit, null, clock.GetUtcNow().UtcDateTime.AddHours(-12), 10, ct);
        var dueFrom = DueFrom.Read("Due from", out var fromError);
        var dueTo = DueTo.Read("Due by", out var toError);
        // Only the filters' own problems count: an empty value in the address ("overdue=") means "not set".
        ModelState.Clear();
        AddError("DueFrom", fromError);
        AddError("DueTo", toError ?? (dueFrom > dueTo ? "Due by must be the same as or after due from" : null));
        var query = new ActionListQuery
        {
            Status = Status is "" ? null : Status, Overdue = Overdue, Owner = Owner,
            Unit = Within is "" ? null : Within, DueFrom = filterErrors == 0 ? Iso(dueFrom) : null, DueTo = filterErrors == 0 ? Iso(dueTo) : null,
        };
        ExportQuery = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = query.Status, ["overdue"] = Overdue ? "true" : null, ["owner"] = Owner?.ToString(), ["unit"] = query.Unit,
            ["dueFrom"] = query.DueFrom, ["dueTo"] = query.DueTo,
        }.Where(kv => kv.Value is not null)).ToUriComponent();
        (Owners, Units) = await queries.ActionChoicesAsync(unit, ct);
        try
        {
            Actions = await queries.ActionsAsync(unit, query.Filter(), new RegisterPage(100), ct);
        }
        catch (FluentValidation.ValidationException refused)
        {
            // A unit not below this one, or a status that is not one, named in the address: say so, and list the open actions.
            foreach (var error in refused.Errors)
            {
                AddError(error.PropertyName == "unit" ? "Within" : "Status", error.ErrorMessage);
            }

            Actions = await queries.ActionsAsync(unit, new ActionFilter(), new RegisterPage(100), ct);
        }

        OverdueActions = await queries.OverdueActionCountAsync(unit, ct);
        Decisions = await queries.DecisionsAsync(unit, null, new RegisterPage(20), ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return filterErrors == 0 ? Page() : new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private int filterErrors;

    private void AddError(string field, string? error)
    {
        if (error is not null)
        {
            filterErrors++;
            ModelState.AddModelError(field, error);
        }
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

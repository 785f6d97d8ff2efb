using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.History;

// Everything that changed, filterable. Meant for administrators: access rules arrive with accounts.
[Requires(PmoArea.Audit, PmoAction.Read, WholeDepartment = true)]
public sealed class IndexModel(HistoryQueries history) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public CursorPage<HistoryEntry> Events { get; private set; } = new([], null);
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private static readonly string[] KnownRecordTypes =
        ["DeliveryUnit", "Person", "StewardUser", "RoleAssignment", "Risk", "Issue", "Assumption", "Dependency", "Board", "Meeting", "Decision", "ActionItem", "UnitPlan", "PlannedTask", "UnitTolerances"];
    private static readonly string[] KnownChannels = [ChangeChannel.Web, ChangeChannel.Api, ChangeChannel.Cli, ChangeChannel.Import, ChangeChannel.Job];

    public static readonly IReadOnlyList<string> FieldOrder = ["From", "To"];

    public static IEnumerable<SelectListItem> RecordTypes => KnownRecordTypes.Select(t => new SelectListItem(HistoryLabels.RecordType(t), t)).OrderBy(i => i.Text, StringComparer.Ordinal);

    public static IEnumerable<SelectListItem> Channels => KnownChannels.Select(c => new SelectListItem(c, c));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var from = From.Read("From date", out var fromError);
        var to = To.Read("To date", out var toError);
        if (fromError is not null)
        {
            ModelState.AddModelError(nameof(From), fromError);
        }

        if (toError is not null)
        {
            ModelState.AddModelError(nameof(To), toError);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Events = await history.ListAsync(new HistoryFilter(null, Blank(RecordType), Blank(Channel), Blank(Actor), from, to, 100, Before), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        return Page();
    }

    public string NextPageUrl => QueryString.Create(new Dictionary<string, string?>
    {
        ["RecordType"] = RecordType, ["Channel"] = Channel, ["Actor"] = Actor,
        ["From.Day"] = From.Day, ["From.Month"] = From.Month, ["From.Year"] = From.Year,
        ["To.Day"] = To.Day, ["To.Month"] = To.Month, ["To.Year"] = To.Year,
        ["Before"] = Events.NextCursor,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

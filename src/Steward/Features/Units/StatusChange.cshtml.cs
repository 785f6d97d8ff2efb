using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// Confirms closing or archiving a unit: both are deliberate and neither deletes anything.
[Requires(PmoArea.Delivery, PmoAction.Approve)]
public sealed class StatusChangeModel(UnitService units, UnitQueries queries, IEnumerable<ICloseOutQuestion> questions) : PageModel
{
    public IReadOnlyList<CloseOutPrompt> Questions { get; private set; } = [];

    public UnitView Unit { get; private set; } = default!;

    public string Change { get; private set; } = "close";

    [BindProperty]
    public int Version { get; set; }

    public bool IsArchive => Change == "archive";

    public async Task<IActionResult> OnGetAsync(string code, string change, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        (Unit, Change, Version) = (unit, change, unit.Version);
        if (!IsArchive)
        {
            var asked = new List<CloseOutPrompt>();
            foreach (var question in questions)
            {
                if (await question.AskAsync(unit, ct) is { } prompt)
                {
                    asked.Add(prompt);
                }
            }

            Questions = asked;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string change, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        (Unit, Change) = (unit, change);
        try
        {
            var changed = IsArchive ? await units.ArchiveAsync(unit.Id, Version, ct) : await units.CloseAsync(unit.Id, Version, ct);
            TempData["Notice"] = $"{changed.Name} has been {(IsArchive ? "archived" : "closed")}";
            return RedirectToPage("Show", new { code = changed.Code });
        }
        catch (StaleVersionException)
        {
            Version = unit.Version;
            return Conflict($"Someone else changed {unit.Code} since you opened this page. Check its details, then try again.");
        }
        catch (RecordStateConflictException conflict)
        {
            return Conflict(conflict.Message);
        }
    }

    private PageResult Conflict(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}

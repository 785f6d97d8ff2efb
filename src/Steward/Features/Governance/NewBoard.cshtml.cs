using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewBoardModel(StewardDbContext db, UnitQueries units, GovernanceService governance) : GovUkFormPage(db)
{
    [BindProperty]
    public BoardForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.ChairId", "Input.Cadence", "Input.TermsOfReference", "Input.MemberIds"];

    public static IEnumerable<SelectListItem> Cadences => Enum.GetValues<BoardCadence>().Select(c => new SelectListItem(GovernanceLabels.Of(c), c.ToString()));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var input = new BoardInput(Input.Name, Input.ChairId, Input.Cadence, Input.TermsOfReference, Input.MemberIds);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var board = await governance.CreateBoardAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"{board.Name} has been set up";
            return Redirect($"/units/{unit.Code}/boards/{board.Id}");
        }, ct);
    }
}

public sealed class BoardForm
{
    public string? Name { get; set; }
    public Guid? ChairId { get; set; }
    public BoardCadence? Cadence { get; set; }
    public string? TermsOfReference { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
}

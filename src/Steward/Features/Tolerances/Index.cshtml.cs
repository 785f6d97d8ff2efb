using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Tolerances;

// A unit's tolerances on every dimension: what applies, where each limit is set, and a way to change
// the unit's own for those who approve in that dimension's area.
[Requires(PmoArea.Delivery, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, ToleranceQueries queries, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public UnitTolerancesView Tolerances { get; private set; } = default!;
    public IReadOnlySet<ToleranceDimension> CanSet { get; private set; } = new HashSet<ToleranceDimension>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Tolerances = await queries.ViewAsync(unit, ct);
        var settable = new HashSet<ToleranceDimension>();
        foreach (var measure in ToleranceMeasure.All)
        {
            if (unit.IsOpen && await access.CanAsync(measure.Area, PmoAction.Approve, unit.Path, ct))
            {
                settable.Add(measure.Dimension);
            }
        }

        CanSet = settable;
        return Page();
    }

    // "5 working days, set here", "10 % of budget, inherited from DPP-PRG-001 Border Programme", "No limit".
    public string Describe(ToleranceMeasure measure, decimal? limit, UnitRef? setAt)
    {
        if (limit is not { } value)
        {
            return "No limit set here or above";
        }

        var described = measure.Describe(value);
        described = char.ToUpperInvariant(described[0]) + described[1..];
        return setAt is null || setAt.Id == Unit.Id ? $"{described}, set here" : $"{described}, inherited from {setAt.Code} {setAt.Name}";
    }
}

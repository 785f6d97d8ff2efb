using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Finance.BusinessCases;

// A unit's business case: stage and approval, the five cases, and the options appraisal side by side.
[Requires(PmoArea.Finance, PmoAction.Read)]
public sealed class ShowModel(UnitQueries units, BusinessCaseQueries queries) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BusinessCaseView Case { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Case = await queries.ViewAsync(unit, ct);
        return Page();
    }

    public static string Stage(string? stage) => stage switch
    {
        "soc" => "Strategic outline case (SOC)",
        "sobc" => "Strategic outline business case (SOBC)",
        "obc" => "Outline business case (OBC)",
        "fbc" => "Full business case (FBC)",
        "bjc" => "Business justification case (BJC)",
        _ => "Not approved",
    };

    public static string Kind(string kind) => kind switch
    {
        "business-as-usual" => "Business as usual",
        "do-minimum" => "Do minimum",
        _ => "Option",
    };

    public static string Pounds(decimal pounds) => new Money((long)(pounds * 100)).ToString();
}

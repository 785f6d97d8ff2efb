using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Finance.BusinessCases;

// A unit's business case: stage and approval, the five cases, and the options appraisal side by side.
// Approvers record a stage's approval against its decision here, and set the budget from an approved FBC.
[Requires(PmoArea.Finance, PmoAction.Read)]
[PostRequires("Approve", PmoArea.Finance, PmoAction.Approve)]
[PostRequires("Baseline", PmoArea.Finance, PmoAction.Approve)]
public sealed class ShowModel(UnitQueries units, BusinessCaseQueries queries, BusinessCaseService service, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BusinessCaseView Case { get; private set; } = default!;
    public bool CanContribute { get; private set; }
    public bool CanApprove { get; private set; }

    [BindProperty] public ApprovalForm Approval { get; set; } = new();

    public sealed class ApprovalForm
    {
        public string? Stage { get; set; }
        public string? Decision { get; set; }
        public string? Category { get; set; }
    }

    public static IReadOnlyList<SelectListItem> Categories { get; } =
        Enum.GetValues<SpendingCategory>().Select(c => new SelectListItem(FinanceLabels.Of(c), EnumText.Of(c))).ToList();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Approval.Stage = Case.Stage;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        return await ActAsync(async () =>
        {
            await service.ApproveAsync(Unit.Id.ToString(), Case.Version, new ApprovalInput(Approval.Stage, Approval.Decision), ct);
            return $"The approval of the {Stage(Approval.Stage).ToLowerInvariant()} has been recorded";
        }, code, ct);
    }

    public async Task<IActionResult> OnPostBaselineAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        return await ActAsync(async () =>
        {
            await service.SetFinanceBaselineAsync(Unit.Id.ToString(), new CaseBaselineInput(Approval.Category), ct);
            return $"The budget of {Unit.Name} has been re-baselined from its full business case";
        }, code, ct);
    }

    private async Task<IActionResult> ActAsync(Func<Task<string>> act, string code, CancellationToken ct)
    {
        try
        {
            TempData["Notice"] = await act();
            return RedirectToPage(null, new { code });
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(failure.PropertyName.Length == 0 ? string.Empty : $"Approval.{char.ToUpperInvariant(failure.PropertyName[0])}{failure.PropertyName[1..]}", failure.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed the business case of {Unit.Name} at the same time. Look at it again, then record the approval.");
            Case = await queries.ViewAsync(Unit, ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Case = await queries.ViewAsync(unit, ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Finance, PmoAction.Contribute, unit.Path, ct);
        CanApprove = unit.IsOpen && Case.Version > 0 && await access.CanAsync(PmoArea.Finance, PmoAction.Approve, unit.Path, ct);
        return true;
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

using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// The question page of a status step of a risk, issue, assumption or dependency: what the step will do, why it is
// being taken, and one button that takes it. A step the entry's state does not allow is not asked (409),
// and one the person may not take is refused (403) before anything is shown. Every step needs at least
// contribute; closing, realising and reopening risks and issues need approve, checked per step.
[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class ChangeStatusModel(
    UnitQueries units, RiskQueries risks, IssueQueries issues, AssumptionQueries assumptions, DependencyQueries dependencies,
    RiskRegister riskRegister, IssueRegister issueRegister, AssumptionRegister assumptionRegister, DependencyRegister dependencyRegister, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public RaidStatusSubject Subject { get; private set; } = default!;
    public RaidStatusStep Step { get; private set; } = default!;

    // Why the step cannot be taken now; the page says so instead of asking.
    public string? Refusal { get; private set; }

    public string Question => string.Format(System.Globalization.CultureInfo.InvariantCulture, Step.Question, Subject.Reference);

    [BindProperty]
    public string? Reason { get; set; }

    // Marking an assumption invalid: what to raise because of it.
    [BindProperty]
    public string? Raise { get; set; }

    public static IEnumerable<SelectListItem> FollowUps =>
    [
        new("Raise an issue|It has already caused a problem", "issue"),
        new("Raise a risk|It may cause a problem", "risk"),
        new("Raise nothing", "nothing"),
    ];

    public async Task<IActionResult> OnGetAsync(string code, string register, string reference, string step, CancellationToken ct)
    {
        if (!await LoadAsync(code, register, reference, step, ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(string code, string register, string reference, string step, int version, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, () => LoadAsync(code, register, reference, step, ct), () => Subject.Reference, async () =>
        {
            if (Refusal is not null)
            {
                throw new RecordStateConflictException(Refusal);
            }

            var (notice, next) = await TakeAsync(version, ct);
            TempData["Notice"] = notice;
            return Redirect(next);
        }, property => property switch { "reason" => nameof(Reason), "raise" => nameof(Raise), _ => null });

    // What the notice says was done: "closed", "reopened", "marked delivered"...
    private string Done => Step.Slug switch
    {
        "close" => "closed",
        "reopen" => "reopened",
        "validate" => "validated",
        "deliver" => "marked delivered",
        "break" => "marked broken",
        _ => Step.Slug,
    };

    // The step itself, through the register that owns the entry; answers what to say and where to go next.
    private async Task<(string Notice, string Next)> TakeAsync(int version, CancellationToken ct)
    {
        var (id, reference, code) = (Subject.Id, Subject.Reference, Unit.Code);
        if (Step == RaidStatusSteps.RealiseRisk)
        {
            var issue = await riskRegister.RealiseAsync(id, version, Reason, ct);
            return ($"{reference} has been realised and issue {issue.Reference} raised", RaidLinks.Issue(code, issue.Reference));
        }

        // The steps that change the entry and nothing else, each through the register that owns it.
        Func<Task>? take = Step switch
        {
            _ when Step == RaidStatusSteps.CloseRisk => () => riskRegister.CloseAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.ReopenRisk => () => riskRegister.ReopenAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.CloseIssue => () => issueRegister.CloseAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.ReopenIssue => () => issueRegister.ReopenAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.ValidateAssumption => () => assumptionRegister.ValidateAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.ReopenAssumption => () => assumptionRegister.ReopenAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.DeliverDependency => () => dependencyRegister.DeliverAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.BreakDependency => () => dependencyRegister.BreakAsync(id, version, Reason, ct),
            _ when Step == RaidStatusSteps.ReopenDependency => () => dependencyRegister.ReopenAsync(id, version, Reason, ct),
            _ => null,
        };
        if (take is not null)
        {
            await take();
            return ($"{reference} has been {Done}", Subject.Address);
        }

        // Invalidate: the page, unlike the API, asks for an explicit choice of what to raise.
        if (string.IsNullOrEmpty(Raise))
        {
            throw new ValidationException(new[] { new ValidationFailure("raise", "Choose whether to raise an issue, a risk or nothing"), Step.Problem(Reason) }.OfType<ValidationFailure>());
        }

        var (_, followUp) = await assumptionRegister.InvalidateAsync(id, version, Raise, Reason, ct);
        return followUp is null
            ? ($"{reference} has been marked invalid", Subject.Address)
            : ($"{reference} has been marked invalid and {followUp.Reference} raised", RaidLinks.Entry(code, followUp.Reference));
    }

    private async Task<bool> LoadAsync(string code, string register, string reference, string step, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit || RaidStatusSteps.Of(register).FirstOrDefault(s => s.Slug == step) is not { } chosen)
        {
            return false;
        }

        Unit = unit;
        Step = chosen;
        if (register == "dependencies")
        {
            // A dependency's steps are taken on the needing unit's side: the providing unit's address has none.
            var dependency = await dependencies.DependencyAsync(unit, reference, ct);
            if (dependency.Unit.Id != unit.Id)
            {
                return false;
            }

            Subject = RaidStatusSubject.Of(dependency);
        }
        else
        {
            Subject = register switch
            {
                "risks" => RaidStatusSubject.Of(unit, await risks.RiskAsync(unit, reference, ct)),
                "issues" => RaidStatusSubject.Of(unit, await issues.IssueAsync(unit, reference, ct)),
                _ => RaidStatusSubject.Of(unit, await assumptions.AssumptionAsync(unit, reference, ct)),
            };
        }

        await access.DemandAsync(PmoArea.Raid, Step.Needs, unit.Path, $"{Step.Slug} {Subject.Reference}", ct);
        Refusal = !UnitChangeRule.Allows(unit.Status, RecordChange.Amend) ? UnitChangeRule.Refusal(unit.Code, unit.Status, RecordChange.Amend, RaidLog.Register)
            : Subject.Steps.Contains(Step) ? null
            : Subject.WhyNot;
        return true;
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// A risk's page: its summary, what can be done with it, and its history. Closing, realising and
// reopening are offered as links to their question pages (ChangeStatus), only where they can succeed.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowRiskModel(UnitQueries units, RiskQueries queries, RiskRegister raid, HistoryQueries history, AccessPolicy access, Governance.GovernanceQueries governance, RiskScales scales, ToleranceQueries tolerances, TimeProvider clock) : PageModel
{
    // The register the entry was opened from, for the back link (RaidBackLink).
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public RaidBackLink Back { get; private set; } = default!;

    public UnitView Unit { get; private set; } = default!;
    public RiskView Risk { get; private set; } = default!;

    // Flagged as the register flags it: an open risk whose next review date has passed.
    public bool ReviewOverdue => Risk.Status == RiskStatus.Open && Risk.NextReviewDate < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }
    public IReadOnlyList<RaidStatusStep> Steps { get; private set; } = [];
    public EscalationPanel Escalation { get; private set; } = default!;
    public Governance.FollowUps FollowUps { get; private set; } = default!;
    public RiskScaleView Scale { get; private set; } = RiskScaleView.Default;
    public IReadOnlyList<RiskReviewView> Reviews { get; private set; } = [];

    // A review recorded here: what it found and when the risk is next due, nothing else of the risk.
    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReviewAsync(string code, string reference, int version, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Risk.Reference, async () =>
        {
            var next = Review.NextReviewDate.Read("Next review date", out var dateError);
            try
            {
                // A date that cannot be read is said beside whatever else is wrong, not instead of it.
                if (dateError is not null)
                {
                    var problems = raid.CheckReview(new RiskReviewInput(Review.Comment, next)).Where(f => f.PropertyName != "nextReviewDate").ToList();
                    throw new ValidationException([.. problems, new FluentValidation.Results.ValidationFailure("nextReviewDate", dateError)]);
                }

                await raid.ReviewAsync(Risk.Id, version, new RiskReviewInput(Review.Comment, next), ct);
            }
            catch (ValidationException invalid)
            {
                foreach (var error in invalid.Errors)
                {
                    ModelState.AddModelError(error.PropertyName == "comment" ? "Review.Comment" : "Review.NextReviewDate", error.ErrorMessage);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            TempData["Notice"] = $"The review of {Risk.Reference} has been recorded";
            return Redirect(RaidLinks.Risk(Unit.Code, Risk.Reference) + "#reviews");
        });

    public Task<IActionResult> OnPostEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Risk.Reference, async () =>
        {
            await raid.EscalateAsync(Risk.Id, version, reason, ct);
            return EscalationDone("escalated");
        }, "Reason");

    public Task<IActionResult> OnPostDeEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Risk.Reference, async () =>
        {
            await raid.DeEscalateAsync(Risk.Id, version, reason, ct);
            return EscalationDone("handed back");
        }, "Reason");

    private Func<Task<bool>> Load(string code, string reference, CancellationToken ct) => () => LoadAsync(code, reference, ct);

    private RedirectResult EscalationDone(string done)
    {
        TempData["Notice"] = $"{Risk.Reference} has been {done}";
        return Redirect(RaidLinks.Risk(Unit.Code, Risk.Reference) + "#escalation");
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Back = await RaidBackLink.ForAsync(units, access, unit, From, ct);
        Risk = await queries.RiskAsync(unit, reference, ct);
        Scale = await scales.EffectiveAsync(unit.Path, ct);
        Reviews = await queries.ReviewsAsync(Risk.Id, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Risk.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        CanEdit = Risk.Status == RiskStatus.Open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        Steps = await RaidStatusSteps.OfferedAsync(access, unit, RaidStatusSteps.For(Risk.Status, Risk.IsOpportunity), ct);
        var open = Risk.Status == RiskStatus.Open;
        // Handing back is decided where the item is held now.
        var canHandBack = open && Risk.Escalation is { } held && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(unit.Path, held.To.Id), ct);
        Escalation = await EscalationPanel.ForAsync(access, tolerances, unit.Path, Risk.Reference, Risk.Escalation, (ToleranceDimension.Risk, open && !Risk.IsOpportunity ? Risk.Current.Score : null), open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct), canHandBack, Risk.Version, ct);
        FollowUps = await Governance.FollowUps.LoadAsync(governance, access, unit, Risk.Id, "risk", Risk.Reference, open, ct);
        return true;
    }
}

public sealed class ReviewForm
{
    public string? Comment { get; set; }
    public DateParts NextReviewDate { get; set; } = new();
}

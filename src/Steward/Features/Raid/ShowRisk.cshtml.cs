using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// A risk's page: its summary, what can be done with it, and its history. Closing, realising and
// reopening are offered as links to their question pages (ChangeStatus), only where they can succeed.
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires("Escalate", PmoArea.Raid, PmoAction.Contribute)]
[PostRequires("DeEscalate", PmoArea.Raid, PmoAction.Approve)]
[PostRequires("Review", PmoArea.Raid, PmoAction.Contribute)]
public sealed class ShowRiskModel(
    UnitQueries units, RiskQueries queries, RiskRegister raid, HistoryQueries history, AccessPolicy access, Governance.GovernanceQueries governance, RiskScales scales, ToleranceQueries tolerances, TimeProvider clock)
    : RaidEntryPage(units, history, access)
{
    public RiskView Risk { get; private set; } = default!;

    // Flagged as the register flags it: an open risk whose next review date has passed.
    public bool ReviewOverdue => Risk.Status == RiskStatus.Open && Risk.NextReviewDate < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public bool CanEdit { get; private set; }
    public Governance.FollowUps FollowUps { get; private set; } = default!;
    public RiskScaleView Scale { get; private set; } = RiskScaleView.Default;
    public IReadOnlyList<RiskReviewView> Reviews { get; private set; } = [];

    // A review recorded here: what it found and when the risk is next due, nothing else of the risk.
    [BindProperty]
    public ReviewForm Review { get; set; } = new();

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

    protected override IEntryView Entry => Risk;

    protected override string EntryLink => RaidLinks.Risk(Unit.Code, Risk.Reference);

    protected override Task EscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.EscalateAsync(id, version, reason, ct);

    protected override Task DeEscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.DeEscalateAsync(id, version, reason, ct);

    protected override async Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct)
    {
        Risk = await queries.RiskAsync(unit, reference, ct);
        Scale = await scales.EffectiveAsync(unit.Path, ct);
        Reviews = await queries.ReviewsAsync(Risk.Id, ct);
        CanEdit = Risk.Status == RiskStatus.Open && await Access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        Steps = await RaidStatusSteps.OfferedAsync(Access, unit, RaidStatusSteps.For(Risk.Status, Risk.IsOpportunity), ct);
        var open = Risk.Status == RiskStatus.Open;
        await LoadEscalationAsync(tolerances, Risk.Escalation, open, (ToleranceDimension.Risk, open && !Risk.IsOpportunity ? Risk.Current.Score : null), ct);
        FollowUps = await Governance.FollowUps.LoadAsync(governance, Access, unit, Risk.Id, "risk", Risk.Reference, open, ct);
        return Risk.Id;
    }
}

public sealed class ReviewForm
{
    public string? Comment { get; set; }
    public DateParts NextReviewDate { get; set; } = new();
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// A dependency's page, which is also where its fields and status are edited (the form is below its
// summary), escalated and handed back.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowDependencyModel(
    StewardDbContext db, UnitQueries units, DependencyQueries queries, DependencyRegister raid, HistoryQueries history, AccessPolicy access, Plans.IntegratedPlan plans, ToleranceQueries tolerances)
    : DependencyFormPage(db, units)
{
    // The register the entry was opened from, for the back link (RaidBackLink).
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public RaidBackLink Back { get; private set; } = default!;

    public DependencyView Dependency { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }

    // Mark delivered, broken or reopen: offered on the needing unit's page to those who may take them.
    public IReadOnlyList<RaidStatusStep> Steps { get; private set; } = [];
    public EscalationPanel Escalation { get; private set; } = default!;

    // The plan links by which the providing unit's plan delivers it, with their forecasts.
    public IReadOnlyList<Plans.CrossUnitLinkView> PlanLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        Input = DependencyForm.From(Dependency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var input = ReadInput();
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            await raid.UpdateAsync(Dependency.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {Dependency.Reference} have been saved";
            return Redirect(RaidLinks.Dependency(Unit.Code, Dependency.Reference));
        }, ct, () =>
        {
            ModelState.AddModelError(string.Empty, $"{Dependency.Reference} was changed by someone else while you were editing. What they saved is shown above; your changes are still in the form. Save again to keep yours.");
            ModelState.Remove("Input.Version");
            Input.Version = Dependency.Version;
            return Task.CompletedTask;
        });
    }

    public Task<IActionResult> OnPostEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Dependency.Reference, async () =>
        {
            await raid.EscalateAsync(Dependency.Id, version, reason, ct);
            return EscalationDone("escalated");
        }, "Reason");

    public Task<IActionResult> OnPostDeEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Dependency.Reference, async () =>
        {
            await raid.DeEscalateAsync(Dependency.Id, version, reason, ct);
            return EscalationDone("handed back");
        }, "Reason");

    // The page shows the edit form too: it starts from the dependency as it is.
    private Func<Task<bool>> Load(string code, string reference, CancellationToken ct) => async () =>
    {
        var found = await LoadAsync(code, reference, ct);
        Input = found ? DependencyForm.From(Dependency) : Input;
        return found;
    };

    private RedirectResult EscalationDone(string done)
    {
        TempData["Notice"] = $"{Dependency.Reference} has been {done}";
        return Redirect(RaidLinks.Dependency(Unit.Code, Dependency.Reference) + "#escalation");
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (!await OpenUnitAsync(code, ct))
        {
            return false;
        }

        var unit = Unit;
        Back = await RaidBackLink.ForAsync(Units, access, unit, From, ct);
        Dependency = await queries.DependencyAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Dependency.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        var open = Dependency.Status is not (DependencyStatus.Delivered or DependencyStatus.Broken);
        // Changes are made on the needing unit's side, whichever unit's page this is.
        var needing = await Db.Units.AsNoTracking().Where(u => u.Id == Dependency.Unit.Id).Select(u => new { u.Path, u.Status }).FirstAsync(ct);
        CanEdit = needing.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, needing.Path, ct);
        Steps = CanEdit && Dependency.Unit.Id == unit.Id ? await RaidStatusSteps.OfferedAsync(access, unit, RaidStatusSteps.For(Dependency.Status), ct) : [];
        var canHandBack = open && Dependency.Escalation is { } held && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(needing.Path, held.To.Id), ct);
        PlanLinks = Dependency.ProviderUnit is { } provider && await access.CanAsync(PmoArea.Planning, PmoAction.Read, unit.Path, ct)
            ? await plans.LinksBetweenAsync(Dependency.Unit.Id, provider.Id, ct)
            : [];
        Escalation = await EscalationPanel.ForAsync(access, tolerances, needing.Path, Dependency.Reference, Dependency.Escalation, (ToleranceDimension.Dependencies, open ? Dependency.WorkingDaysLate : null), open && CanEdit, canHandBack, Dependency.Version, ct);
        await LoadChoicesAsync(ct);
        return true;
    }
}

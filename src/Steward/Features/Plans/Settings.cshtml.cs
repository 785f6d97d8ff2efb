using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Plans;

// The plan's name, start and calendar. A calendar set here holds for the units below that set none.
[Requires(PmoArea.Planning, PmoAction.Contribute)]
public sealed class SettingsModel(StewardDbContext db, UnitQueries units, PlanQueries queries, PlanService plans) : GovUkFormPage(db)
{
    [BindProperty]
    public PlanSettingsForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public UnitView Unit { get; private set; } = default!;
    public PlanView Plan { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.Start", "Input.Calendar"];

    public static IEnumerable<SelectListItem> Calendars =>
    [
        new("The calendar of the unit above (inherit)", nameof(PlanCalendarChoice.Inherit)),
        new("Standard hours, bank holidays of England and Wales", nameof(PlanCalendarChoice.EnglandAndWales)),
        new("Standard hours, bank holidays of Scotland", nameof(PlanCalendarChoice.Scotland)),
        new("Standard hours, bank holidays of Northern Ireland", nameof(PlanCalendarChoice.NorthernIreland)),
        new("Standard hours, no bank holidays", nameof(PlanCalendarChoice.NoBankHolidays)),
    ];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Plan = await queries.PlanAsync(unit, null, ct);
        Version = Plan.Version;
        Input = new PlanSettingsForm
        {
            Name = Plan.Name,
            Start = DateParts.From(Plan.Start is { } s ? DateOnly.FromDateTime(s) : null),
            // A plan with a calendar of its own has it shown above; the planner chooses again to change it.
            Calendar = !Plan.Exists || Plan.CalendarFrom is not null ? PlanCalendarChoice.Inherit : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Plan = await queries.PlanAsync(unit, null, ct);
        var start = ReadDate(Input.Start, "Start", nameof(PlanSettingsForm.Start));
        var input = new PlanSettingsInput(Input.Name, start, Input.Calendar);
        return await SubmitAsync(() => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>(new PlanSettingsInputValidator().Validate(input).Errors), async () =>
        {
            await plans.UpdateSettingsAsync(unit.Id.ToString(), Version, input, ct);
            TempData["Notice"] = "The plan's settings have been saved and the plan scheduled again";
            return Redirect($"/units/{unit.Code}/plan");
        }, ct, onStale: async () =>
        {
            var now = await queries.PlanAsync(unit, null, ct);
            Version = now.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, $"The plan was changed by someone else while you were editing (it now starts {PlanLabels.Date(now.Start)}). Your settings are below; save again to keep them.");
        });
    }
}

public sealed class PlanSettingsForm
{
    public string? Name { get; set; }
    public DateParts Start { get; set; } = new();
    public PlanCalendarChoice? Calendar { get; set; }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// The plan's name, start and calendar. A calendar set here holds for the units below that set none.
[Requires(PmoArea.Planning, PmoAction.Contribute)]
public sealed class SettingsModel(StewardDbContext db, UnitQueries units, PlanQueries queries, PlanCalendars calendars, PlanService plans) : GovUkFormPage(db)
{
    [BindProperty]
    public PlanSettingsForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public UnitView Unit { get; private set; } = default!;
    public PlanView Plan { get; private set; } = default!;

    // The calendar the plan is scheduled on now, wherever it comes from.
    public PlanCalendar Calendar { get; private set; } = PlanCalendar.Default;

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.Name", "Input.Start", "Input.StatusDate", "Input.Calendar", "Input.WorkingDays", "Input.WorkingHours", "Input.NonWorkingDays", "Input.WorkedDays"];

    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IEnumerable<SelectListItem> Calendars =>
    [
        new("The calendar of the unit above (inherit)", nameof(PlanCalendarChoice.Inherit)),
        new("Its own, with the bank holidays of England and Wales", nameof(PlanCalendarChoice.EnglandAndWales)),
        new("Its own, with the bank holidays of Scotland", nameof(PlanCalendarChoice.Scotland)),
        new("Its own, with the bank holidays of Northern Ireland", nameof(PlanCalendarChoice.NorthernIreland)),
        new("Its own, with no bank holidays", nameof(PlanCalendarChoice.NoBankHolidays)),
    ];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        await LoadAsync(unit, ct);
        Version = Plan.Version;
        var own = Plan.Exists && Plan.CalendarFrom is null;
        Input = new PlanSettingsForm
        {
            Name = Plan.Name,
            Start = DateParts.From(Plan.Start is { } s ? DateOnly.FromDateTime(s) : null),
            StatusDate = DateParts.From(Plan.StatusDate),
            Calendar = !own ? PlanCalendarChoice.Inherit : Calendar.BankHolidays switch
            {
                UkNation.Scotland => PlanCalendarChoice.Scotland,
                UkNation.NorthernIreland => PlanCalendarChoice.NorthernIreland,
                UkNation.EnglandAndWales => PlanCalendarChoice.EnglandAndWales,
                _ => PlanCalendarChoice.NoBankHolidays,
            },
            WorkingDays = [.. Calendar.WorkingDays],
            WorkingHours = Calendar.WorkingHours,
            NonWorkingDays = own ? string.Join("\n", Calendar.DaysOff.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) : null,
            WorkedDays = own ? string.Join("\n", Calendar.WorkedDays.Select(d => $"{d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {d.Hours}")) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        await LoadAsync(unit, ct);
        var start = ReadDate(Input.Start, "Start", nameof(PlanSettingsForm.Start));
        var statusDate = ReadDate(Input.StatusDate, "Status date", nameof(PlanSettingsForm.StatusDate));
        var daysOff = ReadDays(Input.NonWorkingDays);
        var worked = ReadWorkedDays(Input.WorkedDays);
        // The days and hours are the calendar's own: with "inherit" chosen they are not sent. Left as the
        // plan's own calendar has them, they are not sent either, so that a week whose hours vary by day
        // (as Microsoft Project files have them) is kept as it is.
        var own = Input.Calendar is not (null or PlanCalendarChoice.Inherit);
        var weekAsItIs = Plan.Exists && Plan.CalendarFrom is null && Input.WorkingDays.ToHashSet().SetEquals(Calendar.WorkingDays)
            && string.Equals(Input.WorkingHours?.Trim(), Calendar.WorkingHours, StringComparison.Ordinal);
        var input = new PlanSettingsInput(
            Input.Name, start, Input.Calendar, own && !weekAsItIs ? Input.WorkingDays : null, own && !weekAsItIs ? Input.WorkingHours : null,
            own ? daysOff : null, own ? worked : null, statusDate);
        return await SubmitAsync(() => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>(new PlanSettingsInputValidator().Validate(input).Errors), async () =>
        {
            await plans.UpdateSettingsAsync(unit.Id.ToString(), Version, input, ct);
            TempData["Notice"] = "The plan's settings have been saved and the plan scheduled again";
            return Redirect(PlanLinks.Plan(unit.Code));
        }, ct, onStale: async () =>
        {
            var now = await queries.PlanAsync(unit, null, ct);
            Version = now.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, $"The plan was changed by someone else while you were editing (it now starts {PlanLabels.Date(now.Start)}). Your settings are below; save again to keep them.");
        });
    }

    private async Task LoadAsync(UnitView unit, CancellationToken ct)
    {
        Unit = unit;
        Plan = await queries.PlanAsync(unit, null, ct);
        var own = await Db.Plans.AsNoTracking().Where(p => p.UnitId == unit.Id).Select(p => p.Calendar).FirstOrDefaultAsync(ct);
        (Calendar, _) = await calendars.EffectiveAsync(own, unit.Id, ct);
    }

    // Days worked as typed, a date and perhaps hours a line ("27/12/2027" or "24/12/2027 08:00-12:00"),
    // or null with the error on the field when a date is not one; the hours are checked with the rest.
    private List<WorkedDayInput>? ReadWorkedDays(string? text)
    {
        var days = new List<WorkedDayInput>();
        foreach (var line in (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError("Input.WorkedDays", $"‘{parts[0]}’ is not a date. Enter one day a line, such as 27/12/2027, or 24/12/2027 08:00-12:00 for other hours");
                return null;
            }

            days.Add(new WorkedDayInput(day, parts.Length > 1 ? parts[1] : null));
        }

        return days;
    }

    // The days off as typed, or null with the error on the field when one is not a date.
    private List<DateOnly>? ReadDays(string? text)
    {
        var days = new List<DateOnly>();
        foreach (var part in (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError("Input.NonWorkingDays", $"‘{part}’ is not a date. Enter one date per line, such as 24/12/2027");
                return null;
            }

            days.Add(day);
        }

        return days;
    }
}

public sealed class PlanSettingsForm
{
    public string? Name { get; set; }
    public DateParts Start { get; set; } = new();
    public DateParts StatusDate { get; set; } = new();
    public PlanCalendarChoice? Calendar { get; set; }
    public List<DayOfWeek> WorkingDays { get; set; } = [];
    public string? WorkingHours { get; set; }

    // One date per line, as 24/12/2027 or 2027-12-24.
    public string? NonWorkingDays { get; set; }

    // One a line: a date, then hours if not the usual ones.
    public string? WorkedDays { get; set; }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// What arranging a meeting and rescheduling it share: the form (date and time in UK time, length, place,
// the agenda one item per line) and where the service's errors land on it.
public abstract class MeetingFormPage(StewardDbContext db, UnitQueries units) : EntryFormPage<MeetingForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Date", "Input.StartTime", "Input.DurationMinutes", "Input.Location", "Input.Agenda"];

    protected DateTimeOffset? ReadStart()
    {
        var date = ReadDate(Input.Date, "Date", nameof(MeetingForm.Date));
        if (!TimeOnly.TryParseExact(Input.StartTime?.Trim(), ["H:mm", "HH:mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError("Input.StartTime", "Enter the start time as hours and minutes on the 24-hour clock, for example 14:30");
            return null;
        }

        return date is { } day ? UkFormat.FromLondon(day, time) : null;
    }

    // The service names fields as the API does, or as its validator's properties (StartsAt).
    protected override string FieldFor(string apiField) => apiField.ToLowerInvariant() switch
    {
        // A time that could not be read already says so on its own field; "enter when it starts" would repeat it.
        "startsat" => ModelState.TryGetValue("Input.StartTime", out var time) && time.Errors.Count > 0 ? "Input.StartTime" : "Input.Date",
        _ when apiField.StartsWith("agenda", StringComparison.Ordinal) => "Input.Agenda",
        _ => base.FieldFor(apiField),
    };
}

public sealed class MeetingForm : IEditForm
{
    public DateParts Date { get; set; } = new();
    public string? StartTime { get; set; }
    public int? DurationMinutes { get; set; } = 60;
    public string? Location { get; set; }
    public string? Agenda { get; set; }
    public int Version { get; set; }

    // The agenda as typed. An item whose title is unchanged keeps its presenter; the form does not show them.
    public static List<AgendaItemInput> AgendaFrom(string? text, IReadOnlyList<AgendaItemView>? before = null) =>
        (text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)
            .Select(line => new AgendaItemInput(line, before?.FirstOrDefault(item => item.Title == line)?.Presenter?.Id)).ToList();

    public static MeetingForm From(MeetingView meeting)
    {
        var starts = UkFormat.ToLondon(meeting.StartsAt);
        return new MeetingForm
        {
            Date = DateParts.From(DateOnly.FromDateTime(starts)),
            StartTime = starts.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = meeting.DurationMinutes,
            Location = meeting.Location,
            Agenda = string.Join('\n', meeting.Agenda.Select(item => item.Title)),
            Version = meeting.Version,
        };
    }
}

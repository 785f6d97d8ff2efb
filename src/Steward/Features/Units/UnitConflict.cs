using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// What a colleague saved while you were editing, beside what you typed, field by field.
public sealed record UnitConflict(string Actor, string Channel, DateTime At, IReadOnlyList<UnitConflict.Difference> Differences)
{
    public sealed record Difference(string Field, string Theirs, string Yours);

    public string Message => $"This unit was changed by {Actor} at {UkFormat.Time(At)} while you were editing. Their values are shown beside yours; check them, then save again to keep yours.";

    public static UnitConflict Between(UnitView theirs, UpdateUnit yours, HistoryEntry? latest, Func<Guid?, string?> personName)
    {
        var rows = new List<Difference>();
        void Compare(string field, string? their, string? your)
        {
            if (!string.Equals(their ?? string.Empty, your ?? string.Empty, StringComparison.Ordinal))
            {
                rows.Add(new Difference(field, string.IsNullOrEmpty(their) ? "(blank)" : their, string.IsNullOrEmpty(your) ? "(blank)" : your));
            }
        }

        Compare("Code", theirs.Code, yours.Code?.Trim().ToUpperInvariant());
        Compare("Name", theirs.Name, yours.Name?.Trim());
        Compare("Description", theirs.Description, yours.Description?.Trim());
        Compare("Aims", theirs.Aims, yours.Aims?.Trim());
        Compare("Category", UnitLabels.Of(theirs.Category), yours.Category is { } c ? UnitLabels.Of(c) : null);
        Compare("Lifecycle stage", UnitLabels.Of(theirs.Stage), yours.Stage is { } s ? UnitLabels.Of(s) : null);
        Compare("Status", UnitLabels.Of(theirs.Status), yours.Status is { } st ? UnitLabels.Of(st) : UnitLabels.Of(theirs.Status));
        Compare("Senior responsible owner", theirs.Sro?.Name, personName(yours.SroId));
        Compare("Manager", theirs.Manager?.Name, personName(yours.ManagerId));
        Compare("PMO contact", theirs.PmoContact?.Name, personName(yours.PmoContactId));
        Compare("Baseline start", Date(theirs.BaselineStart), Date(yours.BaselineStart));
        Compare("Baseline end", Date(theirs.BaselineEnd), Date(yours.BaselineEnd));
        Compare("Forecast start", Date(theirs.ForecastStart), Date(yours.ForecastStart));
        Compare("Forecast end", Date(theirs.ForecastEnd), Date(yours.ForecastEnd));
        return new UnitConflict(latest?.Actor ?? "someone else", latest?.Channel ?? ChangeChannel.Web, latest?.At ?? theirs.UpdatedAt, rows);
    }

    private static string? Date(DateOnly? date) => date is null ? null : UkFormat.Date(date);
}

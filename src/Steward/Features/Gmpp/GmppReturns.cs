using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Benefits;
using Steward.Features.Finance;
using Steward.Features.Reporting;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Gmpp;

public sealed record GmppReturnProblem(string Unit, string Column, string Message);

// One GMPP unit's row, its cells in the layout's order: text, or £ millions as numbers.
public sealed record GmppReturnRow(UnitRef Unit, IReadOnlyList<object?> Cells);

public sealed record GmppReturn(
    UnitRef Scope, DateOnly AsAt, GmppReturnLayout Layout, string FinancialYear, DcaScale DcaScale,
    IReadOnlyList<string> Headings, IReadOnlyList<GmppReturnRow> Rows, IReadOnlyList<GmppReturnProblem> Problems);

// The GMPP return of a portfolio (or the whole department) for a snapshot date, filled from Steward: one
// row per unit on the GMPP at that date, at or below the unit asked for. Each value is Steward's own where
// it holds it (the IPA's and the SRO's DCA as at the date from reporting, latest approved dates, the
// financial year's and whole-life money from finance, planned benefits), else the data published for
// that date (an imported file); a field the department withholds is its exemption's wording. Every gap
// the return must not have is a problem, by unit and column, listed before anything is produced.
public sealed class GmppReturns(StewardDbContext db, RegisterUnits units, AccessPolicy access, DeliveryConfidenceAsAt confidence, FinanceAsAt finance, BenefitWorth benefits)
{
    public const decimal VarianceNeedingNarrative = 5m;

    // The department as a return's scope: every GMPP unit the person may read the reporting of.
    public static readonly UnitRef Department = new(Guid.Empty, "department", "The whole department", UnitKind.Portfolio);

    // unitKey: the portfolio or programme; null for the whole department.
    public async Task<GmppReturn> BuildAsync(string? unitKey, DateOnly asAt, GmppReturnLayout layout, CancellationToken ct = default)
    {
        if (!GmppSnapshotDates.IsSnapshotDate(asAt))
        {
            throw new ValidationException([new ValidationFailure("asAt", $"{asAt:dd/MM/yyyy} is not a GMPP snapshot date: choose 31 March or 30 September")]);
        }

        var scope = unitKey is null ? null : await units.ReadableViewAsync(PmoArea.Reporting, unitKey, "GMPP return", ct);
        var scopeRef = scope is null ? Department : new UnitRef(scope.Id, scope.Code, scope.Name, scope.Kind);
        var readable = scope is null ? await access.ReadableAsync(db.Units, PmoArea.Reporting, ct) : db.Units.Where(u => u.Path.StartsWith(scope.Path));
        var year = FinancialYear.Of(asAt);
        var financialYear = $"{year.Start}/{(year.Start + 1) % 100:00}";
        var scale = GmppSnapshotDates.ScaleAt(asAt);
        var columns = GmppReturnLayouts.Columns(layout, financialYear);
        var members = await db.GmppMemberships.AsNoTracking()
            .Where(m => readable.Select(u => u.Id).Contains(m.UnitId) && (m.Joined == null || m.Joined <= asAt) && (m.Left == null || m.Left > asAt))
            .Select(m => new
            {
                Membership = m, m.Unit!.Id, m.Unit.Code, m.Unit.Name, m.Unit.Kind, m.Unit.Path, m.Unit.Description, m.Unit.BaselineStart, m.Unit.BaselineEnd,
            })
            .ToListAsync(ct);
        members = [.. members.OrderBy(m => m.Membership.GmppId ?? "~").ThenBy(m => m.Name, StringComparer.Ordinal)];
        var ids = members.Select(m => m.Id).ToList();
        var snapshots = await db.GmppSnapshots.AsNoTracking().Where(s => ids.Contains(s.UnitId) && s.AsAt == asAt && s.Source == GmppSource.Published).ToDictionaryAsync(s => s.UnitId, ct);
        var dcas = await confidence.ForAsync(ids, asAt, ct);
        var money = await finance.ForAsync(ids, year, asAt, ct);
        var worth = await benefits.PlannedAsync([.. members.Select(m => (m.Id, m.Path))], ct);

        var problems = new List<GmppReturnProblem>();
        if (members.Count == 0)
        {
            problems.Add(new GmppReturnProblem(scopeRef.Code, "GMPP ID Number", $"No unit {(scope is null ? "you can see" : $"at or below {scope.Code}")} is on the GMPP on {asAt:d MMMM yyyy}: mark each major project's GMPP entry first"));
        }

        var rows = new List<GmppReturnRow>();
        foreach (var m in members)
        {
            var snapshot = snapshots.GetValueOrDefault(m.Id);
            var notes = GmppFieldNotes.Read(snapshot?.FieldNotes);
            var withheld = GmppExemptions.Read(m.Membership.Withheld);
            var dca = dcas[m.Id];
            var position = money.GetValueOrDefault(m.Id);
            var hasMoney = money.ContainsKey(m.Id);
            decimal? baseline = hasMoney ? Millions(position.Year.Budget) : snapshot?.YearBaseline;
            decimal? forecast = hasMoney ? Millions(position.Year.Forecast) : snapshot?.YearForecast;
            decimal? variance = baseline is { } b && forecast is { } f && b != 0 ? decimal.Round((f - b) / b * 100m, 2) : snapshot?.YearVariancePercent;
            var cells = new List<object?>();
            foreach (var (field, heading) in columns)
            {
                void Problem(string message) => problems.Add(new GmppReturnProblem(m.Code, heading, message));
                if (withheld.FirstOrDefault(w => w.Field == field) is { } exempt)
                {
                    cells.Add(exempt.Exemption);
                    continue;
                }

                // Words the published data gave for the field, when Steward has no value of its own.
                string? Words() => notes.FirstOrDefault(n => n.Field == field)?.Text;
                object? cell = field switch
                {
                    GmppField.GmppId => m.Membership.GmppId,
                    GmppField.Name => m.Name,
                    GmppField.Department => m.Membership.Department ?? snapshot?.PublishedDepartment,
                    GmppField.Category => m.Membership.Category is { } c ? GmppValues.CategoryLabel(c) : snapshot?.PublishedCategory,
                    GmppField.Description => m.Description ?? snapshot?.Description,
                    GmppField.IpaDca => Rating(dca.Ipa ?? snapshot?.IpaDca) ?? Words(),
                    GmppField.SroDca => Rating(dca.Sro ?? snapshot?.SroDca) ?? Words(),
                    GmppField.DcaCommentary => m.Membership.DcaCommentary ?? snapshot?.DcaCommentary,
                    GmppField.Start => Date(m.BaselineStart ?? snapshot?.Start) ?? Words(),
                    GmppField.End => Date(m.BaselineEnd ?? snapshot?.End) ?? Words(),
                    GmppField.ScheduleNarrative => m.Membership.ScheduleNarrative ?? snapshot?.ScheduleNarrative,
                    GmppField.YearBaseline => (object?)baseline ?? Words(),
                    GmppField.YearForecast => (object?)forecast ?? Words(),
                    GmppField.YearVariancePercent => variance is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.##}%") : Words(),
                    GmppField.VarianceNarrative => m.Membership.VarianceNarrative ?? snapshot?.VarianceNarrative,
                    GmppField.WholeLifeCost => hasMoney ? Millions(position.WholeLife.Budget)
                        : snapshot is { WholeLifeCostLow: { } low, WholeLifeCost: { } mid, WholeLifeCostHigh: { } high } ? string.Create(CultureInfo.InvariantCulture, $"Low: {low:#,0.00########}, Mid: {mid:#,0.00########}, High: {high:#,0.00########}")
                        : (object?)snapshot?.WholeLifeCost ?? Words(),
                    GmppField.WholeLifeCostNarrative => m.Membership.WholeLifeCostNarrative ?? snapshot?.WholeLifeCostNarrative,
                    GmppField.Benefits => worth.TryGetValue(m.Id, out var w) ? Millions(w) : (object?)snapshot?.Benefits ?? Words(),
                    GmppField.BenefitsNarrative => m.Membership.BenefitsNarrative ?? snapshot?.BenefitsNarrative,
                    _ => null,
                };
                cells.Add(cell);

                var rating = field == GmppField.IpaDca ? dca.Ipa ?? snapshot?.IpaDca : field == GmppField.SroDca ? dca.Sro ?? snapshot?.SroDca : null;
                switch (field)
                {
                    case GmppField.GmppId or GmppField.Department or GmppField.Category when cell is null:
                        Problem($"Record its {heading.ToLowerInvariant().Replace("gmpp id number", "GMPP id", StringComparison.Ordinal)} on its GMPP entry");
                        break;
                    case GmppField.IpaDca when cell is null:
                        Problem($"No IPA assessment is recorded on or before {asAt:d MMMM yyyy}");
                        break;
                    case GmppField.SroDca when cell is null:
                        Problem($"No status report of record for a period ending on or before {asAt:d MMMM yyyy}, so no SRO assessment");
                        break;
                    case GmppField.IpaDca or GmppField.SroDca when rating is { } r && !DeliveryConfidence.OnScale(r, scale):
                        Problem($"{DeliveryConfidence.Label(r)} is not on the {DeliveryConfidence.Label(scale)} scale in use on {asAt:d MMMM yyyy}");
                        break;
                    case GmppField.Start or GmppField.End or GmppField.YearBaseline or GmppField.YearForecast or GmppField.WholeLifeCost when cell is null:
                        Problem($"Missing: {(field is GmppField.Start or GmppField.End ? "record the unit's approved dates" : "record the unit's budget and forecast in finance")}");
                        break;
                    case GmppField.End when m.BaselineStart is { } s && m.BaselineEnd is { } e && e < s:
                        Problem($"The end date {e:dd/MM/yyyy} is before the start date {s:dd/MM/yyyy}");
                        break;
                    case GmppField.VarianceNarrative when cell is null && variance is { } v && Math.Abs(v) > VarianceNeedingNarrative:
                        Problem($"The variance is {v:0.##}%, beyond {VarianceNeedingNarrative}% either way: a narrative is required");
                        break;
                }
            }

            rows.Add(new GmppReturnRow(new UnitRef(m.Id, m.Code, m.Name, m.Kind), cells));
        }

        return new GmppReturn(scopeRef, asAt, layout, financialYear, scale, [.. columns.Select(c => c.Heading)], rows, problems);
    }

    // Pence to £ millions, without trailing zeros (12, not 12.00000000).
    private static decimal Millions(Money money) => money.Pence / 100_000_000m / 1.000000000000000000000000000000000m;

    private static string? Rating(DcaRating? rating) => rating is { } r ? DeliveryConfidence.Label(r) : null;

    private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

public sealed class ReportQueries(
    StewardDbContext db, RegisterUnits units, ReportingRuleBook rules, ReportPrefill prefill, ReportSnapshots snapshots, ChangeContext who, TimeProvider clock)
{
    public const int TrendLength = 12;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct = default) =>
        units.ReadableViewAsync(PmoArea.Reporting, unitKey, StatusReportService.Register, ct);

    public async Task<ReportingCycleView> CycleAsync(UnitView unit, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var last = held.LastEnded(Today);
        return new ReportingCycleView(Ref(unit), EnumText.Of(held.Cadence), held.DueDays, held.CadenceSetAt, EnumText.Of(held.Scale), held.ScaleSetAt,
            held.ForbidSelfApproval, held.SelfApprovalSetAt, held.Version is not null, held.Version ?? 0, last.Key, last.Describe(), held.DueOn(last));
    }

    // The unit's own reports, newest period first.
    public async Task<IReadOnlyList<StatusReportSummary>> ListAsync(UnitView unit, int limit = 50, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var rows = await db.StatusReports.AsNoTracking().Where(r => r.UnitId == unit.Id)
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).Take(Math.Clamp(limit, 1, 500))
            .Select(r => new { r.Number, r.Cadence, r.Period, r.PeriodStart, r.PeriodEnd, r.Edition, r.State, r.Dca, r.SubmittedAt }).ToListAsync(ct);
        return rows.Select(r => new StatusReportSummary(EntryReference.Format(StatusReport.ReferencePrefix, r.Number), Ref(unit), r.Period,
            new ReportingPeriod(r.Cadence, r.Period, r.PeriodStart, r.PeriodEnd).Describe(), r.Edition, EnumText.Of(r.State),
            r.Dca is { } d ? EnumText.Of(d) : null, r.Dca is { } l ? DeliveryConfidence.Label(DeliveryConfidence.Display(l, held.Scale)) : null,
            r.PeriodEnd.AddDays(held.DueDays), r.SubmittedAt)).ToList();
    }

    public async Task<StatusReportView> ReportAsync(UnitView unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(StatusReport.ReferencePrefix, reference) ?? throw new RecordNotFoundException("status report", reference);
        var report = await db.StatusReports.AsNoTracking().FirstOrDefaultAsync(r => r.Number == number && r.UnitId == unit.Id, ct)
            ?? throw new RecordNotFoundException("status report", reference);
        return await ViewAsync(unit, report, ct);
    }

    public async Task<StatusReportView> ViewAsync(UnitView unit, StatusReport report, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var period = new ReportingPeriod(report.Cadence, report.Period, report.PeriodStart, report.PeriodEnd);
        var previous = await db.StatusReports.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && r.PeriodStart < report.PeriodStart && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).FirstOrDefaultAsync(ct);
        var corrects = report.CorrectsId is { } c ? await db.StatusReports.AsNoTracking().Where(r => r.Id == c).Select(r => (int?)r.Number).FirstOrDefaultAsync(ct) : null;
        var correctedBy = await db.StatusReports.AsNoTracking().Where(r => r.CorrectsId == report.Id).Select(r => (int?)r.Number).FirstOrDefaultAsync(ct);
        var frozen = report.State is not (StatusReportState.Draft or StatusReportState.Returned);
        var snapshot = frozen ? await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == report.Id).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(ct) : null;
        ReportFacts facts;
        if (snapshot is not null)
        {
            facts = SnapshotContent.Unpack(snapshot.Content).Facts;
        }
        else
        {
            var before = previous is null ? null : (await snapshots.LatestAsync(previous.Id, ct))?.Facts;
            facts = await prefill.GatherAsync(unit, period, before, ct);
        }

        DcaView? dca = report.Dca is { } rating
            ? new DcaView(EnumText.Of(rating), DeliveryConfidence.Label(rating), EnumText.Of(report.DcaScale), DeliveryConfidence.Label(DeliveryConfidence.Display(rating, held.Scale)),
                report.DcaJustification, previous?.Dca is { } p ? DeliveryConfidence.Label(p) : null,
                previous?.Dca is { } p2 && DeliveryConfidence.Severity(rating) > DeliveryConfidence.Severity(p2))
            : null;
        var dimensions = Enum.GetValues<ReportDimension>().Select(d => Dimension(report, d, previous)).ToList();
        return new StatusReportView(
            report.Id, report.Reference, Ref(unit), EnumText.Of(report.Cadence), report.Period, period.Describe(), report.PeriodStart, report.PeriodEnd,
            report.PeriodEnd.AddDays(held.DueDays), report.Edition,
            corrects is { } cn ? EntryReference.Format(StatusReport.ReferencePrefix, cn) : null, report.CorrectionReason,
            correctedBy is { } bn ? EntryReference.Format(StatusReport.ReferencePrefix, bn) : null,
            EnumText.Of(report.State), report.Summary, report.Achievements, report.NextPeriod, report.DecisionsNeeded, report.FiguresNote, dca, dimensions,
            previous?.Reference, report.SubmittedAt, report.SubmittedBy, report.DecidedAt, report.DecidedBy, report.ReturnComment,
            snapshot is not null, snapshot?.Digest, facts, report.Version, report.UpdatedAt);
    }

    private static DimensionView Dimension(StatusReport report, ReportDimension dimension, StatusReport? previous)
    {
        var now = report.Rating(dimension);
        var then = previous?.Rating(dimension);
        return new DimensionView(EnumText.Of(dimension), now is { } n ? EnumText.Of(n) : null, report.Justification(dimension), then is { } t ? EnumText.Of(t) : null,
            now is { } a && then is { } b && DeliveryConfidence.Severity(a) > DeliveryConfidence.Severity(b));
    }

    // What the author would start from now, without drafting anything.
    public async Task<ReportFacts> PrefillAsync(UnitView unit, string? periodKey, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        if (!ReportingPeriod.TryParse(held.Cadence, periodKey ?? held.LastEnded(Today).Key, out var period, out var problem))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("period", $"{problem} ({unit.Code} reports {ReportingPeriod.Word(held.Cadence)})")]);
        }

        var previous = await db.StatusReports.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && r.PeriodStart < period.Start && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var before = previous is { } id ? (await snapshots.LatestAsync(id, ct))?.Facts : null;
        return await prefill.GatherAsync(unit, period, before, ct);
    }

    // Reports due and late for the last ended periods of every open programme and project at or below the unit.
    public async Task<ReportsDueView> DueAsync(UnitView unit, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        return await DueAmongAsync(db.Units.AsNoTracking().Where(u => below.Contains(u.Id)), ct);
    }

    // The same for the units the signed-in person is SRO or manager of.
    public async Task<ReportsDueView> MineAsync(CancellationToken ct = default)
    {
        var person = await ActingPerson.IdAsync(db, who, ct);
        if (person is null)
        {
            return new ReportsDueView(0, 0, 0, []);
        }

        return await DueAmongAsync(db.Units.AsNoTracking().Where(u => u.SroId == person || u.ManagerId == person), ct);
    }

    // The last ended period is always expected; the two before it too, once the unit existed when they ended,
    // so a period skipped stays late instead of dropping off the list when the next one ends.
    public const int PeriodsChased = 3;

    internal async Task<ReportsDueView> DueAmongAsync(IQueryable<DeliveryUnit> candidates, CancellationToken ct)
    {
        var reporting = await candidates
            .Where(u => (u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project) && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused))
            .OrderBy(u => u.Code).Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.Path, u.CreatedAt }).ToListAsync(ct);
        var held = await rules.ForManyAsync(reporting.Select(u => (u.Ref.Id, u.Path)).ToList(), ct);
        var today = Today;
        var expected = new List<(UnitRef Unit, ReportingPeriod Period, ReportingRules Rules)>();
        foreach (var unit in reporting)
        {
            var rules2 = held[unit.Ref.Id];
            var period = rules2.LastEnded(today);
            var existed = DateOnly.FromDateTime(unit.CreatedAt);
            for (var i = 0; i < PeriodsChased && (i == 0 || period.End >= existed); i++, period = period.Previous())
            {
                expected.Add((unit.Ref, period, rules2));
            }
        }

        var keys = expected.Select(e => e.Period.Key).Distinct().ToList();
        var ids = reporting.Select(u => u.Ref.Id).ToList();
        var reports = (await db.StatusReports.AsNoTracking().Where(r => keys.Contains(r.Period) && ids.Contains(r.UnitId))
            .Select(r => new { r.UnitId, r.Period, r.Number, r.Edition, r.State }).ToListAsync(ct))
            // A period with any edition submitted has been reported, even while a correction of it is drafted.
            .GroupBy(r => (r.UnitId, r.Period)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.State is StatusReportState.Draft or StatusReportState.Returned).ThenByDescending(r => r.Edition).First());
        var due = new List<ReportDue>();
        foreach (var (unit, period, rules2) in expected)
        {
            var report = reports.GetValueOrDefault((unit.Id, period.Key));
            if (report is not null && report.State is not (StatusReportState.Draft or StatusReportState.Returned))
            {
                continue;
            }

            var dueOn = rules2.DueOn(period);
            due.Add(new ReportDue(unit, period.Key, period.Describe(), dueOn, dueOn < today,
                report is null ? null : EntryReference.Format(StatusReport.ReferencePrefix, report.Number), report is null ? "not-started" : EnumText.Of(report.State)));
        }

        var ordered = due.OrderByDescending(d => d.Late).ThenBy(d => d.DueOn).ThenBy(d => d.Unit.Code).ToList();
        return new ReportsDueView(reporting.Count, ordered.Count(d => !d.Late), ordered.Count(d => d.Late), ordered);
    }

    // The unit's last reports of record, oldest first, as a strip of ratings with the figures they quoted.
    public async Task<ReportTrend> TrendAsync(UnitView unit, int length = TrendLength, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var reports = (await db.StatusReports.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).Take(Math.Clamp(length, 1, 60) * 2).ToListAsync(ct))
            .GroupBy(r => r.Period).Select(g => g.First()).Take(Math.Clamp(length, 1, 60)).Reverse().ToList();
        var frozen = await snapshots.LatestOfAsync(reports.Select(r => r.Id).ToList(), ct);
        StatusReport? before = null;
        var points = new List<TrendPoint>();
        foreach (var r in reports)
        {
            var facts = frozen.TryGetValue(r.Id, out var doc) ? doc.Facts : null;
            points.Add(new TrendPoint(r.Period, r.Reference, EnumText.Of(r.State), r.Dca is { } d ? EnumText.Of(d) : null,
                r.Dca is { } s ? EnumText.Of(DeliveryConfidence.Display(s, held.Scale)) : null,
                Enum.GetValues<ReportDimension>().Select(dim => Dimension(r, dim, before)).ToList(),
                facts?.Schedule.EndDriftDays, facts?.Finance?.YearPosition.Budget, facts?.Finance?.YearPosition.Forecast, facts?.Finance?.YearPosition.Actuals,
                facts?.Benefits?.Planned, facts?.Benefits?.Realised));
            before = r;
        }

        return new ReportTrend(Ref(unit), EnumText.Of(held.Scale), points);
    }

    // The DCA of the units below over the last months, and which moved between their last two reports.
    public async Task<DcaDistribution> DistributionAsync(UnitView unit, int months = 6, CancellationToken ct = default)
    {
        var held = await rules.ForAsync(unit, ct);
        var below = db.IdsUnder(unit.Path);
        var since = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-Math.Clamp(months, 1, 36));
        var rows = await db.StatusReports.AsNoTracking()
            .Where(r => below.Contains(r.UnitId) && r.UnitId != unit.Id && r.PeriodEnd >= since && r.Dca != null
                && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved))
            .Select(r => new { r.UnitId, r.PeriodEnd, r.PeriodStart, r.Edition, Dca = r.Dca!.Value }).ToListAsync(ct);
        var byMonth = rows.GroupBy(r => (r.UnitId, Month: r.PeriodEnd.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
            .Select(g => (g.Key.Month, g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Edition).First().Dca))
            .GroupBy(x => x.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DcaMonth(g.Key, g.GroupBy(x => EnumText.Of(DeliveryConfidence.Display(x.Dca, held.Scale))).ToDictionary(x => x.Key, x => x.Count())))
            .ToList();
        var moves = new List<(DcaRating From, DcaRating To, Guid Unit)>();
        foreach (var perUnit in rows.GroupBy(r => r.UnitId))
        {
            var lastTwo = perUnit.GroupBy(r => r.PeriodStart).OrderByDescending(g => g.Key).Take(2)
                .Select(g => DeliveryConfidence.Display(g.OrderByDescending(r => r.Edition).First().Dca, held.Scale)).ToList();
            if (lastTwo.Count == 2 && lastTwo[0] != lastTwo[1])
            {
                moves.Add((lastTwo[1], lastTwo[0], perUnit.Key));
            }
        }

        var moved = moves.Select(m => m.Unit).ToList();
        var names = await db.Units.AsNoTracking().Where(u => moved.Contains(u.Id)).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).ToDictionaryAsync(u => u.Id, ct);
        var movements = moves.GroupBy(m => (m.From, m.To))
            .Select(g => new DcaMovement(EnumText.Of(g.Key.From), EnumText.Of(g.Key.To), g.Select(m => names[m.Unit]).OrderBy(u => u.Code).ToList()))
            .OrderByDescending(m => m.Worse).ThenByDescending(m => m.Units.Count).ToList();
        return new DcaDistribution(Ref(unit), EnumText.Of(held.Scale), byMonth, movements);
    }

    public async Task<IReadOnlyList<IndependentDcaView>> IndependentAsync(UnitView unit, CancellationToken ct = default) =>
        (await db.IndependentDcas.AsNoTracking().Where(d => d.UnitId == unit.Id).OrderByDescending(d => d.AssessedOn).Take(50).ToListAsync(ct))
        .Select(d => new IndependentDcaView(d.Id, d.AssessedOn, EnumText.Of(d.Source), EnumText.Of(d.Rating), DeliveryConfidence.Label(d.Rating), EnumText.Of(d.Scale), d.Comment, d.RecordedBy))
        .ToList();

    private static UnitRef Ref(UnitView unit) => new(unit.Id, unit.Code, unit.Name, unit.Kind);
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// A status report's life: drafted from live data, rated, submitted (frozen into a snapshot), then
// approved or returned with comments; a submitted report is corrected by a new edition, never changed.
public sealed class StatusReportService(
    StewardDbContext db, RegisterUnits units, RegisterEntries entries, UnitQueries unitQueries, ReportingRuleBook rules, ReportPrefill prefill,
    ReportSnapshots snapshots, Exceptions.ExceptionService exceptions, ChangeContext who, TimeProvider clock)
{
    public const string Register = "status reports";

    public async Task<StatusReport> DraftAsync(string unitKey, DraftRequest request, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Reporting, PmoAction.Contribute, unitKey, RecordChange.Add, "draft status reports for", Register, ct);
        var held = await rules.ForAsync(unit, ct);
        if (!ReportingPeriod.TryParse(held.Cadence, request.Period, out var period, out var problem))
        {
            throw new ValidationException([new ValidationFailure("period", $"{problem} ({unit.Code} reports {ReportingPeriod.Word(held.Cadence)})")]);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (period.Start > today)
        {
            throw new ValidationException([new ValidationFailure("period", $"{period.Key} has not begun: a report covers a period under way or ended")]);
        }

        await DemandNoReportAsync(unit.Id, unit.Code, period.Key, ct);
        // Ratings start where the last report left them, so the author changes only what moved.
        var last = await LastSubmittedAsync(unit.Id, period.Start, ct);
        var report = new StatusReport
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, Cadence = held.Cadence, Period = period.Key, PeriodStart = period.Start, PeriodEnd = period.End,
            State = StatusReportState.Draft, DcaScale = held.Scale,
        };
        if (last is not null)
        {
            report.Dca = last.Dca is { } dca && DeliveryConfidence.OnScale(dca, held.Scale) ? dca : null;
            foreach (var dimension in Enum.GetValues<ReportDimension>())
            {
                report.Rate(dimension, last.Rating(dimension), null);
            }
        }

        return await AddAsync(report, unit.Code, ct);
    }

    public async Task<StatusReport> UpdateAsync(Guid id, int expectedVersion, StatusReportInput input, CancellationToken ct = default)
    {
        var (report, unit) = await entries.LoadAsync<StatusReport>(PmoArea.Reporting, PmoAction.Contribute, id, expectedVersion, "change", Register, ct);
        DemandEditable(report, unit.Code);
        var scale = (await rules.ForAsync(new UnitLocation(unit.Id, unit.Code, unit.Path), ct)).Scale;
        Apply(report, input, scale);
        await entries.SaveAsync(report.Reference, expectedVersion, ct);
        return report;
    }

    // Freezes what the report quotes and hands it to its approver.
    public Task<StatusReport> SubmitAsync(Guid id, int expectedVersion, CancellationToken ct = default) => SubmitAsync(id, expectedVersion, null, ct);

    // gathered: facts already gathered for it (the demo's year of reports, gathered once per unit).
    internal async Task<StatusReport> SubmitAsync(Guid id, int expectedVersion, ReportFacts? gathered, CancellationToken ct)
    {
        var (report, unit) = await entries.LoadAsync<StatusReport>(PmoArea.Reporting, PmoAction.Contribute, id, expectedVersion, "submit", Register, ct);
        DemandEditable(report, unit.Code);
        var failures = new List<ValidationFailure>();
        if (report.Dca is null)
        {
            failures.Add(new ValidationFailure("dca", "Give the overall delivery confidence (DCA) before submitting"));
        }
        else if (!DeliveryConfidence.OnScale(report.Dca.Value, report.DcaScale))
        {
            failures.Add(new ValidationFailure("dca", $"{DeliveryConfidence.Label(report.Dca.Value)} is not on the {DeliveryConfidence.Label(report.DcaScale)} scale {unit.Code} uses"));
        }

        var last = await LastSubmittedAsync(report.UnitId, report.PeriodStart, ct, report.CorrectsId);
        if (last is not null)
        {
            if (report.Dca is { } now && last.Dca is { } then && DeliveryConfidence.Severity(now) > DeliveryConfidence.Severity(then) && string.IsNullOrWhiteSpace(report.DcaJustification))
            {
                failures.Add(new ValidationFailure("dcaJustification", $"Say why delivery confidence fell from {DeliveryConfidence.Label(then)} ({last.Reference}) to {DeliveryConfidence.Label(now)}"));
            }

            foreach (var dimension in Enum.GetValues<ReportDimension>())
            {
                if (report.Rating(dimension) is { } now2 && last.Rating(dimension) is { } then2 && DeliveryConfidence.Severity(now2) > DeliveryConfidence.Severity(then2)
                    && string.IsNullOrWhiteSpace(report.Justification(dimension)))
                {
                    failures.Add(new ValidationFailure($"{EnumText.Of(dimension)}.justification",
                        $"Say why {ReportDimensions.Label(dimension).ToLowerInvariant()} worsened from {then2} ({last.Reference}) to {now2}"));
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var facts = gathered ?? await GatherAsync(report, unit.Id, last, ct);
        var now3 = clock.GetUtcNow().UtcDateTime;
        (report.State, report.SubmittedAt, report.SubmittedBy, report.SubmittedByUserId, report.DecidedAt, report.DecidedBy) =
            (StatusReportState.Submitted, now3, who.Actor, who.UserId, null, null);
        snapshots.Stage(report, facts, now3);
        if (report.CorrectsId is { } corrected && await db.StatusReports.FirstOrDefaultAsync(r => r.Id == corrected, ct) is { } old)
        {
            old.State = StatusReportState.Superseded;
        }

        await entries.SaveAsync(report.Reference, expectedVersion, ct);
        // What the report quotes beyond tolerance opens an exception at the level that set it (one a dimension).
        await exceptions.OpenFromAsync(await unitQueries.RequireAsync(unit.Id.ToString(), ct), facts, report.Reference, ct);
        return report;
    }

    private async Task<ReportFacts> GatherAsync(StatusReport report, Guid unitId, StatusReport? last, CancellationToken ct)
    {
        var view = await unitQueries.RequireAsync(unitId.ToString(), ct);
        var previousFacts = last is null ? null : (await snapshots.LatestAsync(last.Id, ct))?.Facts;
        return await prefill.GatherAsync(view, new ReportingPeriod(report.Cadence, report.Period, report.PeriodStart, report.PeriodEnd), previousFacts, ct);
    }

    public async Task<StatusReport> ApproveAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (report, unit) = await entries.LoadAsync<StatusReport>(PmoArea.Reporting, PmoAction.Approve, id, expectedVersion, "approve", Register, ct);
        DemandSubmitted(report, "approved");
        var held = await rules.ForAsync(new UnitLocation(unit.Id, unit.Code, unit.Path), ct);
        if (held.ForbidSelfApproval && who.UserId is { } me && report.SubmittedByUserId == me)
        {
            throw new AccessDeniedException($"{report.Reference} was submitted by you, and {held.SelfApprovalSetAt?.Code ?? unit.Code} does not allow approving one's own report: someone else who may approve reports must do it");
        }

        (report.State, report.DecidedAt, report.DecidedBy, report.ReturnComment) = (StatusReportState.Approved, clock.GetUtcNow().UtcDateTime, who.Actor, null);
        await entries.SaveAsync(report.Reference, expectedVersion, ct);
        return report;
    }

    public async Task<StatusReport> ReturnAsync(Guid id, int expectedVersion, ReturnRequest request, CancellationToken ct = default)
    {
        var (report, _) = await entries.LoadAsync<StatusReport>(PmoArea.Reporting, PmoAction.Approve, id, expectedVersion, "return", Register, ct);
        DemandSubmitted(report, "returned");
        var comment = ReportText.Clean("comment", request.Comment, StatusReport.TextMaxLength, out var failure);
        if (failure is not null || comment is null)
        {
            throw new ValidationException([failure ?? new ValidationFailure("comment", "Say what must change before it can be approved")]);
        }

        (report.State, report.DecidedAt, report.DecidedBy, report.ReturnComment) = (StatusReportState.Returned, clock.GetUtcNow().UtcDateTime, who.Actor, comment);
        await entries.SaveAsync(report.Reference, expectedVersion, ct);
        return report;
    }

    // A new edition of a submitted report's period, starting from its words and ratings; both are kept.
    public async Task<StatusReport> CorrectAsync(Guid id, CorrectionRequest request, CancellationToken ct = default)
    {
        var report = await db.StatusReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new RecordNotFoundException("status report", id.ToString());
        var unit = await units.ForEntryAsync(PmoArea.Reporting, PmoAction.Contribute, report.UnitId, "status report", report.Reference, report.Reference, "correct", Register, RecordChange.Add, ct);
        if (report.State is not (StatusReportState.Submitted or StatusReportState.Approved))
        {
            throw new RecordStateConflictException(report.State is StatusReportState.Superseded
                ? $"{report.Reference} has already been corrected: correct the latest edition of {report.Period}"
                : $"{report.Reference} has not been submitted: change the draft itself");
        }

        var reason = ReportText.Clean("reason", request.Reason, StatusReport.TextMaxLength, out var failure);
        if (failure is not null || reason is null)
        {
            throw new ValidationException([failure ?? new ValidationFailure("reason", "Say what the correction changes and why")]);
        }

        var pending = await db.StatusReports.AsNoTracking().Where(r => r.CorrectsId == report.Id).Select(r => r.Number).FirstOrDefaultAsync(ct);
        if (pending != 0)
        {
            throw new RecordStateConflictException($"{EntryReference.Format(StatusReport.ReferencePrefix, pending)} already corrects {report.Reference}: carry on with it");
        }

        var edition = await db.StatusReports.Where(r => r.UnitId == report.UnitId && r.Period == report.Period).MaxAsync(r => r.Edition, ct) + 1;
        var correction = new StatusReport
        {
            Id = Guid.CreateVersion7(), UnitId = report.UnitId, Cadence = report.Cadence, Period = report.Period, PeriodStart = report.PeriodStart, PeriodEnd = report.PeriodEnd,
            Edition = edition, CorrectsId = report.Id, CorrectionReason = reason, State = StatusReportState.Draft,
            Summary = report.Summary, Achievements = report.Achievements, NextPeriod = report.NextPeriod, DecisionsNeeded = report.DecisionsNeeded, FiguresNote = report.FiguresNote,
            Dca = report.Dca, DcaScale = report.DcaScale, DcaJustification = report.DcaJustification,
        };
        foreach (var dimension in Enum.GetValues<ReportDimension>())
        {
            correction.Rate(dimension, report.Rating(dimension), report.Justification(dimension));
        }

        return await AddAsync(correction, unit.Code, ct);
    }

    private async Task<StatusReport> AddAsync(StatusReport report, string unitCode, CancellationToken ct)
    {
        try
        {
            return await db.AddNumberedAsync(db.StatusReports, report, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone else started this period's report (or its correction) at the same moment.
            db.Entry(report).State = EntityState.Detached;
            await DemandNoReportAsync(report.UnitId, unitCode, report.Period, ct, report.Edition);
            throw;
        }
    }

    private async Task DemandNoReportAsync(Guid unitId, string unitCode, string period, CancellationToken ct, int edition = 1)
    {
        var existing = await db.StatusReports.AsNoTracking().Where(r => r.UnitId == unitId && r.Period == period && r.Edition >= edition)
            .OrderByDescending(r => r.Edition).Select(r => new { r.Number, r.State }).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            var reference = EntryReference.Format(StatusReport.ReferencePrefix, existing.Number);
            throw new RecordStateConflictException(existing.State is StatusReportState.Draft or StatusReportState.Returned
                ? $"{unitCode} already has a report for {period}: carry on with {reference}"
                : $"{unitCode} has already submitted {reference} for {period}: to change it, make a correction of {reference}");
        }
    }

    private static void DemandEditable(StatusReport report, string unitCode)
    {
        if (report.State is not (StatusReportState.Draft or StatusReportState.Returned))
        {
            throw new RecordStateConflictException(
                $"{report.Reference} ({unitCode}, {report.Period}) was submitted on {UkFormat.Date(DateOnly.FromDateTime(report.SubmittedAt ?? report.UpdatedAt))} and is frozen: " +
                $"make a correction (POST …/reports/{report.Reference}/corrections, or 'Correct this report' on its page), which keeps both");
        }
    }

    private static void DemandSubmitted(StatusReport report, string what)
    {
        if (report.State != StatusReportState.Submitted)
        {
            throw new RecordStateConflictException($"{report.Reference} is {EnumText.Of(report.State)}: only a submitted report can be {what}");
        }
    }

    // The unit's report of record for the period before (a correction compares with what came before the one it corrects).
    private Task<StatusReport?> LastSubmittedAsync(Guid unitId, DateOnly before, CancellationToken ct, Guid? except = null) =>
        db.StatusReports.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.PeriodStart < before && (r.State == StatusReportState.Submitted || r.State == StatusReportState.Approved) && r.Id != except)
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Edition).FirstOrDefaultAsync(ct);

    private static void Apply(StatusReport report, StatusReportInput input, DcaScale scale)
    {
        var failures = new List<ValidationFailure>();
        var summary = ReportText.Clean("summary", input.Summary, StatusReport.TextMaxLength, failures);
        var achievements = ReportText.Clean("achievements", input.Achievements, StatusReport.TextMaxLength, failures);
        var next = ReportText.Clean("nextPeriod", input.NextPeriod, StatusReport.TextMaxLength, failures);
        var decisions = ReportText.Clean("decisionsNeeded", input.DecisionsNeeded, StatusReport.TextMaxLength, failures);
        var figures = ReportText.Clean("figuresNote", input.FiguresNote, StatusReport.TextMaxLength, failures);
        var dcaWhy = ReportText.Clean("dcaJustification", input.DcaJustification, StatusReport.JustificationMaxLength, failures);
        DcaRating? dca = null;
        if (!string.IsNullOrWhiteSpace(input.Dca))
        {
            var parsed = Enum.GetValues<DcaRating>().Where(r => string.Equals(EnumText.Of(r), input.Dca.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<DcaRating?>().FirstOrDefault();
            if (parsed is null || !DeliveryConfidence.OnScale(parsed.Value, scale))
            {
                var allowed = Enum.GetValues<DcaRating>().Where(r => DeliveryConfidence.OnScale(r, scale)).Select(EnumText.Of);
                failures.Add(new ValidationFailure("dca", parsed is null
                    ? $"'{input.Dca}' is not a delivery confidence rating: use one of {string.Join(", ", allowed)}"
                    : $"{DeliveryConfidence.Label(parsed.Value)} is not on the {DeliveryConfidence.Label(scale)} scale this portfolio uses: use one of {string.Join(", ", allowed)}"));
            }

            dca = parsed;
        }

        var ratings = new List<(ReportDimension, Rag?, string?)>();
        foreach (var dimension in Enum.GetValues<ReportDimension>())
        {
            var given = input.For(dimension);
            var field = EnumText.Of(dimension);
            Rag? rating = null;
            if (!string.IsNullOrWhiteSpace(given?.Rating))
            {
                rating = Enum.GetValues<Rag>().Where(r => string.Equals(EnumText.Of(r), given.Rating.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<Rag?>().FirstOrDefault();
                if (rating is null)
                {
                    failures.Add(new ValidationFailure($"{field}.rating", $"'{given.Rating}' is not a rating: use red, amber or green"));
                }
            }

            ratings.Add((dimension, rating, ReportText.Clean($"{field}.justification", given?.Justification, StatusReport.JustificationMaxLength, failures)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        (report.Summary, report.Achievements, report.NextPeriod, report.DecisionsNeeded, report.FiguresNote) = (summary, achievements, next, decisions, figures);
        (report.Dca, report.DcaJustification, report.DcaScale) = (dca, dcaWhy, scale);
        foreach (var (dimension, rating, why) in ratings)
        {
            report.Rate(dimension, rating, why);
        }
    }
}

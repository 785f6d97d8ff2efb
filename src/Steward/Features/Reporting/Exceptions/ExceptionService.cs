using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Governance;
using Steward.Features.History;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.Exceptions;

// Opening exceptions where the tolerance engine finds a breach or a forecast one, and taking each through
// its PRINCE2 exception report to the deciding board.
public sealed class ExceptionService(
    StewardDbContext db, RegisterUnits units, RegisterEntries entries, UnitQueries unitQueries, ReportPrefill prefill, ToleranceQueries tolerances,
    GovernanceService governance, ChangeContext who, TimeProvider clock)
{
    public const string Register = "exceptions";

    // What a unit's measures may breach and whether the measure is a forecast.
    private static readonly (ToleranceDimension Dimension, bool Forecast)[] Watched =
        [(ToleranceDimension.Time, true), (ToleranceDimension.Cost, true), (ToleranceDimension.Benefits, false), (ToleranceDimension.Scope, false), (ToleranceDimension.Risk, false)];

    public const int MaxScanned = 500;

    // Gathers the unit's figures now (and those of the open programmes and projects below it) and opens
    // an exception for each breach not already open.
    public async Task<IReadOnlyList<ExceptionReport>> ScanAsync(string unitKey, CancellationToken ct = default)
    {
        var top = await units.ChangeableAsync(PmoArea.Reporting, PmoAction.Contribute, unitKey, RecordChange.Add, "raise exceptions on", Register, ct);
        var below = db.IdsUnder(top.Path);
        var codes = await db.Units.AsNoTracking()
            .Where(u => below.Contains(u.Id) && (u.Id == top.Id || ((u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project) && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused))))
            .OrderBy(u => u.Path).Select(u => u.Code).Take(MaxScanned).ToListAsync(ct);
        var opened = new List<ExceptionReport>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var code in codes)
        {
            var unit = await unitQueries.RequireAsync(code, ct);
            var facts = await prefill.GatherAsync(unit, ReportingPeriod.Containing(ReportingCadence.Monthly, today), null, ct);
            opened.AddRange(await OpenFromAsync(unit, facts, null, ct));
        }

        return opened;
    }

    // Opens exceptions for what the facts show beyond tolerance; quotedIn names the report they came from.
    public async Task<IReadOnlyList<ExceptionReport>> OpenFromAsync(UnitView unit, ReportFacts facts, string? quotedIn, CancellationToken ct = default)
    {
        var opened = new List<ExceptionReport>();
        foreach (var (dimension, forecast) in Watched)
        {
            var measure = ToleranceMeasure.Of(dimension);
            var fact = facts.Tolerances.FirstOrDefault(t => t.Dimension == measure.Label);
            if (fact is not { Breached: true, Value: { } value })
            {
                continue;
            }

            var judged = await tolerances.EvaluateAsync(unit.Path, dimension, value, ct);
            if (!judged.Breached || judged.LimitSetAt is null || judged.Limit is null)
            {
                continue;
            }

            var key = EnumText.Of(dimension);
            if (await db.ExceptionReports.AnyAsync(e => e.UnitId == unit.Id && e.OpenKey == key, ct))
            {
                continue;
            }

            var evidence = $"{measure.Label}: {value:0.##} {measure.Quantity} against a limit of {judged.Limit:0.##} set by {judged.LimitSetAt.Code}" +
                $"{(forecast ? " (forecast)" : string.Empty)}, measured {UkFormat.DateTime(facts.GatheredAt)}{(quotedIn is null ? string.Empty : $" for {quotedIn}")}";
            // To the level that set the tolerance; a unit whose own tolerance is breached goes to the level above
            // it, which agreed that tolerance with it (the top of the tree decides its own).
            var raisedTo = judged.LimitSetAt.Id != unit.Id ? judged.LimitSetAt.Id : unit.Parent?.Id ?? unit.Id;
            var exception = new ExceptionReport
            {
                Id = Guid.CreateVersion7(), UnitId = unit.Id, Dimension = dimension, Forecast = forecast, Value = value, Limit = judged.Limit.Value,
                Evidence = evidence, RaisedToId = raisedTo, OpenedAt = clock.GetUtcNow().UtcDateTime, State = ExceptionState.Open, OpenKey = key,
            };
            try
            {
                opened.Add(await db.AddNumberedAsync(db.ExceptionReports, exception, ct));
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Opened by someone else at the same moment: one exception a dimension is enough.
                db.Entry(exception).State = EntityState.Detached;
            }
        }

        return opened;
    }

    public async Task<ExceptionReport> UpdateReportAsync(Guid id, int expectedVersion, ExceptionReportInput input, CancellationToken ct = default)
    {
        var (exception, unit) = await entries.LoadAsync<ExceptionReport>(PmoArea.Reporting, PmoAction.Contribute, id, expectedVersion, "write the exception report of", Register, ct);
        if (exception.State != ExceptionState.Open)
        {
            throw new RecordStateConflictException($"{exception.Reference} is {(exception.State == ExceptionState.WithBoard ? "with the board" : "decided")}: its report can no longer change");
        }

        var failures = new List<ValidationFailure>();
        (exception.Cause, exception.Consequences, exception.Options, exception.Recommendation, exception.Lessons) = (
            Text("cause", input.Cause, failures), Text("consequences", input.Consequences, failures), Text("options", input.Options, failures),
            Text("recommendation", input.Recommendation, failures), Text("lessons", input.Lessons, failures));
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await entries.SaveAsync(exception.Reference, expectedVersion, ct);
        return exception;
    }

    public async Task<ExceptionReport> SubmitAsync(Guid id, int expectedVersion, CancellationToken ct = default)
    {
        var (exception, _) = await entries.LoadAsync<ExceptionReport>(PmoArea.Reporting, PmoAction.Contribute, id, expectedVersion, "submit", Register, ct);
        if (exception.State != ExceptionState.Open)
        {
            throw new RecordStateConflictException($"{exception.Reference} has already gone to the board");
        }

        var failures = new (string Field, string? Text, string Ask)[]
        {
            ("cause", exception.Cause, "Say what caused the deviation"),
            ("consequences", exception.Consequences, "Say what happens if nothing is done"),
            ("options", exception.Options, "Give the options, each with its effect on the business case, risks and tolerances"),
            ("recommendation", exception.Recommendation, "Recommend one of the options"),
        }.Where(f => f.Text is null).Select(f => new ValidationFailure(f.Field, f.Ask)).ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        (exception.State, exception.SubmittedAt, exception.SubmittedBy) = (ExceptionState.WithBoard, clock.GetUtcNow().UtcDateTime, who.Actor);
        await entries.SaveAsync(exception.Reference, expectedVersion, ct);
        return exception;
    }

    // The board of the level that set the tolerance decides: the decision goes in that level's governance
    // register (so only those who may record decisions there may decide), in one transaction with the exception.
    public async Task<ExceptionReport> DecideAsync(Guid id, int expectedVersion, ExceptionDecisionInput input, CancellationToken ct = default)
    {
        var exception = await db.ExceptionReports.Include(e => e.RaisedTo).Include(e => e.Unit).FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new RecordNotFoundException("exception", id.ToString());
        await units.ForEntryAsync(PmoArea.Reporting, PmoAction.Read, exception.UnitId, "exception", exception.Reference, exception.Reference, "decide", Register, ct: ct);
        if (exception.Version != expectedVersion)
        {
            throw new StaleVersionException(exception.Reference, expectedVersion, exception.Version);
        }

        if (exception.State != ExceptionState.WithBoard)
        {
            throw new RecordStateConflictException(exception.State == ExceptionState.Open
                ? $"{exception.Reference}'s exception report has not gone to the board yet"
                : $"{exception.Reference} has already been decided");
        }

        var outcome = Text("outcome", input.Outcome, []);
        if (outcome is null)
        {
            throw new ValidationException([new ValidationFailure("outcome", "Say what the board decided")]);
        }

        var on = input.DecidedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var board = input.BoardId ?? await db.Boards.AsNoTracking().Where(b => b.UnitId == exception.RaisedToId).OrderBy(b => b.Name).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        var person = board is null ? await People.ActingPerson.IdAsync(db, who, ct) : null;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var decision = await governance.RecordDecisionAsync(exception.RaisedTo!.Code, new DecisionInput(
            Truncate($"Exception {exception.Reference} ({exception.Unit!.Code}, {EnumText.Of(exception.Dimension)}): {outcome}", Decision.TitleMaxLength), on,
            $"Recommended: {exception.Recommendation}", exception.Options, board, null, person), ct);
        (exception.State, exception.DecisionId, exception.Outcome, exception.DecidedAt, exception.OpenKey) = (ExceptionState.Decided, decision.Id, outcome, clock.GetUtcNow().UtcDateTime, null);
        await entries.SaveAsync(exception.Reference, expectedVersion, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return exception;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Text(string field, string? text, List<ValidationFailure> failures) => ReportText.Clean(field, text, ExceptionReport.TextMaxLength, failures);
}

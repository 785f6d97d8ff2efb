using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting.Exceptions;

public sealed class ExceptionQueries(StewardDbContext db, TimeProvider clock)
{
    public const int MaxListed = 500;

    // Exceptions of the unit and everything below it: the open ones first, oldest first, as a portfolio chases them.
    public async Task<IReadOnlyList<ExceptionView>> ListAsync(UnitView unit, ExceptionState? state, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var query = db.ExceptionReports.AsNoTracking().Where(e => below.Contains(e.UnitId));
        if (state is { } only)
        {
            query = query.Where(e => e.State == only);
        }

        var rows = await query.OrderBy(e => e.State == ExceptionState.Decided).ThenBy(e => e.OpenedAt).Take(MaxListed)
            .Include(e => e.Unit).Include(e => e.RaisedTo).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<ExceptionView> ExceptionAsync(UnitView unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(ExceptionReport.ReferencePrefix, reference) ?? throw new RecordNotFoundException("exception", reference);
        var row = await db.ExceptionReports.AsNoTracking().Include(e => e.Unit).Include(e => e.RaisedTo)
            .FirstOrDefaultAsync(e => e.Number == number && e.UnitId == unit.Id, ct) ?? throw new RecordNotFoundException("exception", reference);
        return (await ViewsAsync([row], ct))[0];
    }

    private async Task<IReadOnlyList<ExceptionView>> ViewsAsync(List<ExceptionReport> rows, CancellationToken ct)
    {
        var decisionIds = rows.Where(r => r.DecisionId is not null).Select(r => r.DecisionId!.Value).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Reference, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(e => new ExceptionView(
            e.Id, e.Reference, Ref(e.Unit!), EnumText.Of(e.Dimension), e.Forecast, e.Value, e.Limit, ToleranceMeasure.Of(e.Dimension).Quantity, e.Evidence, Ref(e.RaisedTo!),
            e.OpenedAt, (int)((e.DecidedAt ?? now) - e.OpenedAt).TotalDays, EnumText.Of(e.State), e.Cause, e.Consequences, e.Options, e.Recommendation, e.Lessons,
            e.SubmittedAt, e.SubmittedBy, e.DecisionId is { } d && decisions.TryGetValue(d, out var reference) ? reference : null, e.Outcome, e.DecidedAt, e.Version, e.UpdatedAt)).ToList();
    }

    private static UnitRef Ref(DeliveryUnit unit) => new(unit.Id, unit.Code, unit.Name, unit.Kind);
}

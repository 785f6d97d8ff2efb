using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.BoardPacks;

// Asking for a board pack, and reading the packs of a unit. Printing happens in BoardPackWorker.
public sealed class BoardPackService(
    StewardDbContext db, AccessPolicy access, BoardPackContents contents, BoardPackPrinter printer, BoardPacksWaiting queue, ChangeContext who, TimeProvider clock)
{
    public const int Listed = 50;

    // Queues a pack of the unit for the period (default the last ended), or answers the one already
    // queued or printing for it. Refused with the reason where Chromium is missing, before anything is written.
    public async Task<BoardPackView> RequestAsync(UnitView unit, BoardPackRequest request, CancellationToken ct = default)
    {
        await access.DemandAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, $"ask for a board pack of {unit.Code}", ct);
        var period = await contents.PeriodAsync(unit, request.Period, ct);
        if (printer.Unavailable is { } why)
        {
            throw new BoardPackPrinterMissing(why);
        }

        var waiting = await db.BoardPacks.AsNoTracking()
            .Where(p => p.UnitId == unit.Id && p.Period == period.Key && (p.State == BoardPackState.Queued || p.State == BoardPackState.Printing))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (waiting is { } already)
        {
            return await ViewAsync(unit, already, ct);
        }

        var pack = new BoardPack
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, Period = period.Key, State = BoardPackState.Queued, Step = "Waiting to be printed",
            RequestedBy = who.Actor, RequestedByUserId = who.UserId, RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BoardPacks.Add(pack);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(pack.Id);
        return await ViewAsync(unit, pack.Id, ct);
    }

    public async Task<IReadOnlyList<BoardPackView>> ListAsync(UnitView unit, CancellationToken ct = default) =>
        (await Views(db.BoardPacks.AsNoTracking().Where(p => p.UnitId == unit.Id).OrderByDescending(p => p.RequestedAt).Take(Listed)).ToListAsync(ct))
        .Select(v => v.View(unit)).ToList();

    public async Task<BoardPackView> ViewAsync(UnitView unit, Guid id, CancellationToken ct = default) =>
        (await Views(db.BoardPacks.AsNoTracking().Where(p => p.Id == id && p.UnitId == unit.Id)).FirstOrDefaultAsync(ct))?.View(unit)
        ?? throw new RecordNotFoundException("board pack", id.ToString());

    // The PDF of a ready pack, named for the unit and period.
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(UnitView unit, Guid id, CancellationToken ct = default)
    {
        var pack = await db.BoardPacks.AsNoTracking().Where(p => p.Id == id && p.UnitId == unit.Id).Select(p => new { p.State, p.Period, p.Pdf }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("board pack", id.ToString());
        if (pack.State != BoardPackState.Ready || pack.Pdf is null)
        {
            throw new RecordStateConflictException($"The board pack is {EnumText.Of(pack.State)}, not ready: its page shows how far it has got");
        }

        return (pack.Pdf, $"{unit.Code}-board-pack-{pack.Period}.pdf");
    }

    private static IQueryable<Row> Views(IQueryable<BoardPack> packs) => packs.Select(p => new Row(
        p.Id, p.Period, p.State, p.Progress, p.Step, p.Error, p.RequestedBy, p.RequestedAt, p.StartedAt, p.FinishedAt, p.Bytes, p.Digest));

    private sealed record Row(
        Guid Id, string Period, BoardPackState State, int Progress, string? Step, string? Error, string? RequestedBy, DateTime RequestedAt,
        DateTime? StartedAt, DateTime? FinishedAt, int? Bytes, string? Digest)
    {
        public BoardPackView View(UnitView unit) => new(Id, new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind), Period, Describe(Period), EnumText.Of(State),
            Progress, Step, Error, RequestedBy, RequestedAt, StartedAt, FinishedAt, Bytes, Digest);

        // The key says which cadence it is on (2026-11, 2026-Q4, 2026-W49); a fortnight reads as its first week.
        private static string Describe(string key)
        {
            foreach (var cadence in new[] { ReportingCadence.Monthly, ReportingCadence.Quarterly, ReportingCadence.Weekly })
            {
                if (ReportingPeriod.TryParse(cadence, key, out var period, out _))
                {
                    return period.Describe();
                }
            }

            return key;
        }
    }
}

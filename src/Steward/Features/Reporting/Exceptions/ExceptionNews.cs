using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Reporting.Exceptions;

// An exception opened on a unit (a tolerance breached, or forecast to be): told to those who lead the unit,
// who must write the exception report, and to those who lead the level whose board will decide it.
internal sealed class ExceptionNews(StewardDbContext db, UnitLeaders leaders) : INewsSource
{
    public static readonly WorkKind Raised = new("exception", "Exceptions raised on your units", "Exception", AtOnce: true);

    public IReadOnlyList<WorkKind> Kinds => [Raised];

    public IReadOnlyCollection<string> RecordTypes => [nameof(ExceptionReport)];

    public async Task<IReadOnlyList<News>> NewsAsync(IReadOnlyList<ChangeSeen> changes, CancellationToken ct)
    {
        var opened = changes.Where(c => c.Created).ToList();
        if (opened.Count == 0)
        {
            return [];
        }

        var ids = opened.Select(c => c.RecordId).ToList();
        var exceptions = await db.ExceptionReports.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Number, e.Dimension, e.Forecast, e.RaisedToId, RaisedTo = e.RaisedTo!.Name,
                Unit = new UnitRef(e.Unit!.Id, e.Unit.Code, e.Unit.Name, e.Unit.Kind),
            }).ToDictionaryAsync(e => e.Id, ct);
        var leading = await leaders.OfAsync(exceptions.Values.SelectMany(e => new[] { e.Unit.Id, e.RaisedToId }).ToHashSet(), UnitLeaders.Leading, ct);
        var news = new List<News>();
        foreach (var change in opened)
        {
            if (exceptions.TryGetValue(change.RecordId, out var e))
            {
                var reference = EntryReference.Format(ExceptionReport.ReferencePrefix, e.Number);
                var title = $"{e.Dimension} tolerance {(e.Forecast ? "forecast to be exceeded" : "exceeded")}";
                var what = $"Opened on {e.Unit.Name}: its exception report goes to the board of {e.RaisedTo}, which set the tolerance.";
                news.AddRange(leading[e.Unit.Id].Concat(leading[e.RaisedToId]).Distinct()
                    .Select(person => new News(Raised, person, change.EventId, reference, title, e.Unit, what, ExceptionLinks.Exception(e.Unit.Code, reference))));
            }
        }

        return news;
    }
}

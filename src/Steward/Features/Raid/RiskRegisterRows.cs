using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// The rows of a page of the risk register, and a compiled form of its busiest shape: the first page of
// a top- or second-level unit's risks of one status, highest score first, perhaps above a score. That
// is the weekly review's list and the API's most called.
// - Compiled, it skips EF's per-call work on the expression tree, about a tenth of a request.
// - The page size is written into the SQL, not sent as a parameter, so that PostgreSQL's generic plan
//   for the prepared statement knows it reads 51 rows. With a parameter it assumes a tenth of the
//   portfolio and hash-joins whole tables (18 ms instead of 0.7), or plans every call afresh (1 ms).
// - Owners come from a look-up per row, not a join: for a page of rows PostgreSQL otherwise hashes
//   the whole people table on every call.
internal static class RiskRegisterRows
{
    public static readonly Expression<Func<Risk, RiskRow>> ToRow = r => new RiskRow(
        r.Id, r.Number, new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind), r.Title, r.IsOpportunity,
        new PersonRef(r.Owner!.Id, r.Owner.Name, r.Owner.Email), r.Likelihood, r.Impact, r.Score, r.Response,
        r.NextReviewDate, r.Status, r.Version,
        r.EscalatedTo == null ? null : new UnitRef(r.EscalatedTo.Id, r.EscalatedTo.Code, r.EscalatedTo.Name, r.EscalatedTo.Kind));

    private delegate IAsyncEnumerable<RiskRow> FirstPage(StewardDbContext db, Guid unitId, RiskStatus status, int minScore);

    // A compiled query serves one model, and each provider has its own; then one per level and page size.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(int Level, int Take), FirstPage>> Compiled = [];

    // Whether FirstPageAsync can serve this register page.
    public static bool CanServe(IUnitLocation unit, RiskFilter filter, RiskSort sort, RegisterPage page) =>
        page.Offset == 0 && sort == RiskSort.Score && !filter.AllStatuses && filter.Status is not null && UnitPath.Depth(unit.Path) <= 2
        && filter.Likelihood is null && filter.Impact is null && filter.OwnerId is null && !filter.OverdueReview && !filter.Escalated
        && string.IsNullOrWhiteSpace(filter.Text);

    public static async Task<List<RiskRow>> FirstPageAsync(StewardDbContext db, IUnitLocation unit, RiskFilter filter, int take, CancellationToken ct)
    {
        var query = Compiled.GetOrCreateValue(db.Model).GetOrAdd((UnitPath.Depth(unit.Path), take), key => Compile(key.Level, key.Take));
        var rows = new List<RiskRow>(take);
        await foreach (var row in query(db, unit.Id, filter.Status!.Value, filter.MinScore ?? 0).WithCancellation(ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static FirstPage Compile(int level, int take)
    {
        Expression<Func<StewardDbContext, Guid, RiskStatus, int, IQueryable<RiskRow>>> firstLevel = (db, id, status, minScore) =>
            db.Risks.AsNoTracking()
                .Where(r => r.RollupLevel1Id == id && r.Status == status && r.Score >= minScore)
                .OrderByDescending(r => r.Score).ThenBy(r => r.Number)
                .Take(PageSize)
                .Select(r => new RiskRow(
                    r.Id, r.Number, new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind), r.Title, r.IsOpportunity,
                    new PersonRef(
                        r.OwnerId,
                        db.People.Where(p => p.Id == r.OwnerId).Select(p => p.Name).First(),
                        db.People.Where(p => p.Id == r.OwnerId).Select(p => p.Email).First()),
                    r.Likelihood, r.Impact, r.Score, r.Response, r.NextReviewDate, r.Status, r.Version,
                    r.EscalatedTo == null ? null : new UnitRef(r.EscalatedTo.Id, r.EscalatedTo.Code, r.EscalatedTo.Name, r.EscalatedTo.Kind)));
        var query = EF.CompileAsyncQuery((Expression<Func<StewardDbContext, Guid, RiskStatus, int, IQueryable<RiskRow>>>)new Specialise(level, take).Visit(firstLevel));
        return (db, id, status, minScore) => query(db, id, status, minScore);
    }

    // Stands in the template for the page size, which Specialise writes in as a constant (a compiled
    // query takes no EF.Constant).
    private static int PageSize => throw new InvalidOperationException("Only a placeholder in the compiled register query");

    // The template reads the first roll-up level; the second level's query reads the other column.
    private sealed class Specialise(int level, int take) : ExpressionVisitor
    {
        private static readonly PropertyInfo FirstLevel = typeof(Risk).GetProperty(nameof(Risk.RollupLevel1Id))!;
        private static readonly PropertyInfo SecondLevel = typeof(Risk).GetProperty(nameof(Risk.RollupLevel2Id))!;
        private static readonly PropertyInfo Placeholder = typeof(RiskRegisterRows).GetProperty(nameof(PageSize), BindingFlags.NonPublic | BindingFlags.Static)!;

        protected override Expression VisitMember(MemberExpression node) =>
            node.Member == Placeholder ? Expression.Constant(take)
            : node.Member == FirstLevel && level == 2 ? Expression.MakeMemberAccess(Visit(node.Expression), SecondLevel)
            : base.VisitMember(node);
    }
}

internal sealed record RiskRow(
    Guid Id, int Number, UnitRef Unit, string Title, bool IsOpportunity, PersonRef Owner, int Likelihood, int Impact, int Score,
    RiskResponse? Response, DateOnly? NextReviewDate, RiskStatus Status, int Version, UnitRef? EscalatedTo);

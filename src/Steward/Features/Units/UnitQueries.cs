using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// Reads of the delivery tree shared by pages, API and CLI: no tracking, projected straight into records.
public sealed class UnitQueries(
    StewardDbContext db, AccessPolicy access, UnitPaths locations, CommittedReads<Guid, UnitView?> byId, CommittedReads<string, UnitView?> byCode)
{
    public const int MaxLimit = 500;

    private static readonly Expression<Func<DeliveryUnit, UnitView>> ToView = u => new UnitView(
        u.Id, u.Code, u.Name, u.Kind, u.Category, u.Stage, u.Status, u.Description, u.Aims,
        u.Parent == null ? null : new UnitRef(u.Parent.Id, u.Parent.Code, u.Parent.Name, u.Parent.Kind),
        u.Sro == null ? null : new PersonRef(u.Sro.Id, u.Sro.Name, u.Sro.Email),
        u.Manager == null ? null : new PersonRef(u.Manager.Id, u.Manager.Name, u.Manager.Email),
        u.PmoContact == null ? null : new PersonRef(u.PmoContact.Id, u.PmoContact.Name, u.PmoContact.Email),
        u.BaselineStart, u.BaselineEnd, u.ForecastStart, u.ForecastEnd,
        u.Version, u.CreatedAt, u.UpdatedAt, u.ClosedAt, u.ArchivedAt, u.Path);

    private static readonly Expression<Func<DeliveryUnit, UnitSummary>> ToSummary = u => new UnitSummary(
        u.Id, u.Code, u.Name, u.Kind, u.Category, u.Stage, u.Status, u.ParentId, u.ForecastEnd, u.Version, u.UpdatedAt);

    // Compiled: the API's hottest read skips EF's per-call hashing of this large expression tree.
    // A compiled query serves one model, and each provider has its own, hence one per model.
    private static readonly ConditionalWeakTable<IModel, Func<StewardDbContext, Guid, CancellationToken, Task<UnitView?>>> ById = [];
    private static readonly ConditionalWeakTable<IModel, Func<StewardDbContext, string, CancellationToken, Task<UnitView?>>> ByCode = [];

    // A unit the actor may not see is not found, and a parent above what they may see is not named.
    // Every API request on a unit reads it, so the answer is kept until anything is committed again.
    public async Task<UnitView?> GetAsync(Guid id, CancellationToken ct = default) =>
        await VisibleAsync(await byId.GetAsync(db, id, id => ById.GetValue(db.Model, _ => EF.CompileAsyncQuery((StewardDbContext db, Guid id, CancellationToken ct) =>
            db.Units.AsNoTracking().Where(u => u.Id == id).Select(ToView).FirstOrDefault()))(db, id, ct)), ct);

    public async Task<UnitView?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        await VisibleAsync(await byCode.GetAsync(db, code.Trim().ToUpperInvariant(), code => ByCode.GetValue(db.Model, _ => EF.CompileAsyncQuery((StewardDbContext db, string code, CancellationToken ct) =>
            db.Units.AsNoTracking().Where(u => u.Code == code).Select(ToView).FirstOrDefault()))(db, code, ct)), ct);

    private async ValueTask<UnitView?> VisibleAsync(UnitView? view, CancellationToken ct)
    {
        if (view is null || !await access.CanSeeAsync(view.Path, ct))
        {
            return null;
        }

        return view.Parent is not null && !await access.CanSeeAsync(UnitPath.ParentOf(view.Path), ct) ? view with { Parent = null } : view;
    }

    // The API and CLI accept either the id or the code wherever a unit is named.
    public async Task<UnitView> RequireAsync(string idOrCode, CancellationToken ct = default) =>
        await FindAsync(idOrCode, ct) ?? throw new RecordNotFoundException("unit", idOrCode);

    public async Task<UnitView?> FindAsync(string idOrCode, CancellationToken ct = default) =>
        Guid.TryParse(idOrCode, out var id) ? await GetAsync(id, ct) : await FindByCodeAsync(idOrCode, ct);

    // Where a unit is, from the cache the access check filled: enough for a register, and no query.
    public async Task<UnitLocation> LocateAsync(string idOrCode, CancellationToken ct = default) =>
        await locations.FindAsync(db, idOrCode, ct) is { } found && await access.CanSeeAsync(found.Path, ct)
            ? found
            : throw new RecordNotFoundException("unit", idOrCode);

    public async Task<IReadOnlyList<UnitSummary>> ChildrenAsync(Guid id, CancellationToken ct = default) =>
        await db.Units.AsNoTracking().Where(u => u.ParentId == id)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code).Select(ToSummary).ToListAsync(ct);

    // Root first, for breadcrumbs. The tree is shallow, so one query per level is cheap.
    public async Task<IReadOnlyList<UnitRef>> AncestorsAsync(Guid? parentId, CancellationToken ct = default)
    {
        var chain = new List<UnitRef>();
        while (parentId is { } id && chain.Count < 64)
        {
            var parent = await db.Units.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.ParentId }).FirstOrDefaultAsync(ct);
            if (parent is null)
            {
                break;
            }

            chain.Add(parent.Ref);
            parentId = parent.ParentId;
        }

        chain.Reverse();
        // Only the ancestors the actor may see: a breadcrumb must not name what lies above their roles.
        var visible = new List<UnitRef>();
        var path = "/";
        foreach (var ancestor in chain)
        {
            path += $"{ancestor.Id}/";
            if (await access.CanSeeAsync(path, ct))
            {
                visible.Add(ancestor);
            }
        }

        return visible;
    }

    public async Task<CursorPage<UnitSummary>> ListAsync(UnitListQuery query, CancellationToken ct = default)
    {
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ValidationException([new ValidationFailure("limit", $"Limit must be between 1 and {MaxLimit}")]);
        }

        var units = await access.VisibleAsync(db.Units.AsNoTracking(), ct);
        if (query.ParentId is { } parentId)
        {
            units = units.Where(u => u.ParentId == parentId);
        }
        else if (query.TopLevelOnly)
        {
            units = units.Where(u => u.ParentId == null);
        }

        if (query.Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        if (query.Stage is { } stage)
        {
            units = units.Where(u => u.Stage == stage);
        }

        if (query.Status is { } status)
        {
            units = units.Where(u => u.Status == status);
        }
        else if (!query.IncludeArchived)
        {
            units = units.Where(u => u.Status != UnitStatus.Archived);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var upper = text.ToUpperInvariant();
            var lower = text.ToLowerInvariant();
            units = units.Where(u => u.Code.Contains(upper) || u.Name.ToLower().Contains(lower));
        }

        var keyset = UnitKeyset.For(query.Sort, query.Descending);
        if (query.Cursor is not null)
        {
            units = keyset.After(units, UnitCursor.Decode(query.Cursor));
        }

        var rows = await keyset.Order(units).Take(query.Limit + 1).Select(ToSummary).ToListAsync(ct);
        var hasMore = rows.Count > query.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var next = hasMore ? keyset.CursorAfter(rows[^1]) : null;
        return new CursorPage<UnitSummary>(rows, next);
    }
}

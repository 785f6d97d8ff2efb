using System.Globalization;

namespace Steward.Features.Units;

// Keyset paging for each sort the list offers; the code breaks ties because it is unique.
internal abstract class UnitKeyset
{
    public static UnitKeyset For(UnitSort sort, bool descending) => sort switch
    {
        UnitSort.Name => new ByName(descending),
        UnitSort.UpdatedAt => new ByUpdatedAt(descending),
        _ => new ByCode(descending),
    };

    public abstract IQueryable<DeliveryUnit> Order(IQueryable<DeliveryUnit> units);

    public abstract IQueryable<DeliveryUnit> After(IQueryable<DeliveryUnit> units, UnitCursor cursor);

    public abstract string CursorAfter(UnitSummary last);

    private sealed class ByCode(bool descending) : UnitKeyset
    {
        public override IQueryable<DeliveryUnit> Order(IQueryable<DeliveryUnit> units) =>
            descending ? units.OrderByDescending(u => u.Code) : units.OrderBy(u => u.Code);

        public override IQueryable<DeliveryUnit> After(IQueryable<DeliveryUnit> units, UnitCursor cursor) =>
            descending ? units.Where(u => string.Compare(u.Code, cursor.Code) < 0) : units.Where(u => string.Compare(u.Code, cursor.Code) > 0);

        public override string CursorAfter(UnitSummary last) => new UnitCursor(null, last.Code).Encode();
    }

    private sealed class ByName(bool descending) : UnitKeyset
    {
        public override IQueryable<DeliveryUnit> Order(IQueryable<DeliveryUnit> units) =>
            descending ? units.OrderByDescending(u => u.Name).ThenByDescending(u => u.Code) : units.OrderBy(u => u.Name).ThenBy(u => u.Code);

        public override IQueryable<DeliveryUnit> After(IQueryable<DeliveryUnit> units, UnitCursor cursor)
        {
            var name = cursor.Value ?? string.Empty;
            return descending
                ? units.Where(u => string.Compare(u.Name, name) < 0 || (u.Name == name && string.Compare(u.Code, cursor.Code) < 0))
                : units.Where(u => string.Compare(u.Name, name) > 0 || (u.Name == name && string.Compare(u.Code, cursor.Code) > 0));
        }

        public override string CursorAfter(UnitSummary last) => new UnitCursor(last.Name, last.Code).Encode();
    }

    private sealed class ByUpdatedAt(bool descending) : UnitKeyset
    {
        public override IQueryable<DeliveryUnit> Order(IQueryable<DeliveryUnit> units) =>
            descending ? units.OrderByDescending(u => u.UpdatedAt).ThenByDescending(u => u.Code) : units.OrderBy(u => u.UpdatedAt).ThenBy(u => u.Code);

        public override IQueryable<DeliveryUnit> After(IQueryable<DeliveryUnit> units, UnitCursor cursor)
        {
            var at = long.TryParse(cursor.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                ? new DateTime(ticks, DateTimeKind.Utc)
                : throw UnitCursor.Invalid();
            return descending
                ? units.Where(u => u.UpdatedAt < at || (u.UpdatedAt == at && string.Compare(u.Code, cursor.Code) < 0))
                : units.Where(u => u.UpdatedAt > at || (u.UpdatedAt == at && string.Compare(u.Code, cursor.Code) > 0));
        }

        public override string CursorAfter(UnitSummary last) =>
            new UnitCursor(last.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture), last.Code).Encode();
    }
}

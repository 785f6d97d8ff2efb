using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Units;

// The addresses of the unit pages. unit: the unit's code.
[PageLinks]
public static class UnitLinks
{
    public static string Home => "/";

    public static string Unit(string unit) => $"/units/{Segment(unit)}";

    public static string Edit(string unit) => $"{Unit(unit)}/edit";

    public static string Move(string unit) => $"{Unit(unit)}/move";

    public static string History(string unit) => $"{Unit(unit)}/history";

    // change: close or archive.
    public static string StatusChange(string unit, string change) => $"{Unit(unit)}/{Segment(change)}";

    // parent: the code of the unit the new one goes under; kind: Portfolio, Programme or Project.
    public static string Create(string? parent = null, string? kind = null) =>
        "/units/new" + (parent is not null ? $"?parent={Uri.EscapeDataString(parent)}" : kind is not null ? $"?kind={Uri.EscapeDataString(kind)}" : string.Empty);

    public static string Search(string? q = null) => "/search" + (q is null ? string.Empty : $"?q={Uri.EscapeDataString(q)}");
}

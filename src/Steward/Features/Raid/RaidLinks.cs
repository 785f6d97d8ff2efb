using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Raid;

// The addresses of the RAID pages. unit: the unit's code.
[PageLinks]
public static class RaidLinks
{
    // type: risks (the default), issues, dependencies or assumptions; query: more of the register's filters.
    public static string Register(string unit, string? type = null, string? query = null) =>
        $"/units/{Segment(unit)}/raid" + (type is null && query is null ? string.Empty : "?" + string.Join('&', new[] { type is null ? null : $"type={type}", query }.OfType<string>()));

    public static string Risk(string unit, string reference, string? from = null) => $"/units/{Segment(unit)}/risks/{Segment(reference)}" + From(unit, from);

    public static string EditRisk(string unit, string reference) => Risk(unit, reference) + "/edit";

    public static string RaiseRisk(string unit) => $"/units/{Segment(unit)}/risks/new";

    public static string Issue(string unit, string reference, string? from = null) => $"/units/{Segment(unit)}/issues/{Segment(reference)}" + From(unit, from);

    public static string EditIssue(string unit, string reference) => Issue(unit, reference) + "/edit";

    public static string RaiseIssue(string unit) => $"/units/{Segment(unit)}/issues/new";

    public static string Dependency(string unit, string reference, string? from = null) => $"/units/{Segment(unit)}/dependencies/{Segment(reference)}" + From(unit, from);

    public static string RaiseDependency(string unit) => $"/units/{Segment(unit)}/dependencies/new";

    public static string Assumption(string unit, string reference, string? from = null) => $"/units/{Segment(unit)}/assumptions/{Segment(reference)}" + From(unit, from);

    public static string RaiseAssumption(string unit) => $"/units/{Segment(unit)}/assumptions/new";

    // An entry of any of the four registers, by its reference's prefix (R-, I-, D-, A-).
    public static string Entry(string unit, string reference) => reference[..2].ToUpperInvariant() switch
    {
        "I-" => Issue(unit, reference),
        "D-" => Dependency(unit, reference),
        "A-" => Assumption(unit, reference),
        _ => Risk(unit, reference),
    };

    // from: the unit whose register the entry is opened from, when it is not the entry's own, so its
    // page leads back there.
    private static string From(string unit, string? from) =>
        from is null || string.Equals(from, unit, StringComparison.OrdinalIgnoreCase) ? string.Empty : "?from=" + Segment(from);

    // The question page of a status step (close, realise, reopen, validate, invalidate) of a risk, issue or assumption.
    public static string StatusStep(string unit, string reference, string step) => Entry(unit, reference) + "/" + Segment(step);

    public static string Scale(string unit) => $"/units/{Segment(unit)}/raid/scale";

    public static string Tolerances(string unit) => $"/units/{Segment(unit)}/raid/tolerances";

    // register: risks, issues, dependencies or assumptions; null for the choice of register.
    public static string Import(string unit, string? register = null) => $"/units/{Segment(unit)}/raid/import" + (register is null ? string.Empty : $"/{Segment(register)}");
}

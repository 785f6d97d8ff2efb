using Steward.Data;
using Steward.Features.Units;
using static Steward.Features.Tolerances.ToleranceDimension;

namespace Steward.Features.Tolerances;

// Tolerances widen up the tree, as a department delegates them: a project holds less than its programme,
// a programme less than its portfolio. So a risk that outgrows its project goes to the programme and
// stops there unless the programme cannot hold it either. Every unit sets its own, so nothing is held
// only because it inherited its parent's limit.
internal static class DemoTolerances
{
    private static readonly Dictionary<UnitKind, Dictionary<ToleranceDimension, (decimal?, decimal?)>> ByKind = new()
    {
        [UnitKind.Portfolio] = new()
        {
            [Time] = (60, null), [Cost] = (10, 10), [Scope] = (10, 10), [Quality] = (10, null), [ToleranceDimension.Benefits] = (null, 15),
            [Risk] = (24, null), [Issues] = (IssueSeverity.Critical, null), [Dependencies] = (40, null),
        },
        [UnitKind.Programme] = new()
        {
            [Time] = (20, null), [Cost] = (5, 5), [Scope] = (5, 5), [Quality] = (5, null), [ToleranceDimension.Benefits] = (null, 10),
            [Risk] = (19, null), [Issues] = (IssueSeverity.High, null), [Dependencies] = (15, null),
        },
        [UnitKind.Project] = new()
        {
            [Time] = (10, null), [Cost] = (2.5m, 2.5m), [Scope] = (2, 2), [Quality] = (2, null), [ToleranceDimension.Benefits] = (null, 5),
            [Risk] = (11, null), [Issues] = (IssueSeverity.Medium, null), [Dependencies] = (5, null),
        },
    };

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var tolerances = sp.GetRequiredService<ToleranceService>();
        foreach (var unit in DemoUnits.All)
        {
            await tolerances.SetAsync(unit.Code, null, ByKind[unit.Kind], ct);
        }
    }
}

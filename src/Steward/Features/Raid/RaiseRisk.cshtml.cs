using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseRiskModel(StewardDbContext db, UnitQueries units, RiskRegister raid) : RiskFormPage(db, units)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), ReadInput, raid.CheckAsync, async input =>
        {
            var risk = await raid.RaiseAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Risk {risk.Reference} has been raised", RaidLinks.Risk(Unit.Code, risk.Reference));
        }, ct);
}

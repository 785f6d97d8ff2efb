using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseDependencyModel(StewardDbContext db, UnitQueries units, DependencyRegister raid) : DependencyFormPage(db, units)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    // A new dependency starts as its register decides (proposed, or agreed with a committed date).
    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), () => ReadInput() with { Status = null }, raid.CheckAsync, async input =>
        {
            var dependency = await raid.RaiseAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Dependency {dependency.Reference} has been recorded", RaidLinks.Dependency(Unit.Code, dependency.Reference));
        }, ct);
}

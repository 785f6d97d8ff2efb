using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

[Requires(PmoArea.Benefits, PmoAction.Contribute)]
public sealed class NewModel(StewardDbContext db, UnitQueries units, BenefitService service) : BenefitFormPage(db, units)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), ReadInput, NothingMoreToCheck, async input =>
        {
            var benefit = await service.RecordAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Benefit {benefit.Reference} has been recorded", BenefitsLinks.Benefit(Unit.Code, benefit.Reference));
        }, ct);
}

using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

[Requires(PmoArea.Benefits, PmoAction.Contribute)]
public sealed class EditModel(StewardDbContext db, UnitQueries units, BenefitQueries queries, BenefitService service, HistoryQueries history) : BenefitFormPage(db, units)
{
    public BenefitView Benefit { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, reference, ct), ct, () => Input = BenefitForm.From(Benefit));

    public Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, reference, ct), ReadInput, NothingMoreToCheck, async input =>
        {
            await service.UpdateAsync(Benefit.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {Benefit.Reference} have been saved", BenefitsLinks.Benefit(Unit.Code, Benefit.Reference));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Benefit.Id, Benefit.Reference, "the benefit's page", ct), Benefit.Version));

    private Task<bool> OpenAsync(string code, string reference, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Benefit = await queries.BenefitAsync(Unit, reference, ct), ct);
}

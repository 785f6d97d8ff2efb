using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class EditRiskModel(StewardDbContext db, UnitQueries units, RiskQueries queries, RiskRegister raid, HistoryQueries history) : RiskFormPage(db, units)
{
    public RiskView Risk { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, reference, ct), ct, () => Input = RiskForm.From(Risk));

    // The form does not show who raised the risk or when; saving it keeps them.
    public Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, reference, ct), () => ReadInput() with { RaisedById = Risk.RaisedBy?.Id, RaisedOn = Risk.RaisedOn }, raid.CheckAsync, async input =>
        {
            await raid.UpdateAsync(Risk.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {Risk.Reference} have been saved", RaidLinks.Risk(Unit.Code, Risk.Reference));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Risk.Id, Risk.Reference, "the risk's page", ct), Risk.Version));

    private Task<bool> OpenAsync(string code, string reference, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Risk = await queries.RiskAsync(Unit, reference, ct), ct);
}

using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseAssumptionModel(StewardDbContext db, UnitQueries units, AssumptionRegister raid)
    : EntryFormPage<RaiseAssumptionModel.AssumptionForm>(db, units)
{
    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Statement", "Input.ImpactIfWrong", "Input.OwnerId", "Input.ValidationDue"];

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), ReadInput, raid.CheckAsync, async input =>
        {
            var assumption = await raid.RaiseAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Assumption {assumption.Reference} has been recorded", RaidLinks.Assumption(Unit.Code, assumption.Reference));
        }, ct);

    private AssumptionInput ReadInput() =>
        new(Input.Statement, Input.OwnerId, Input.ImpactIfWrong, ReadDate(Input.ValidationDue, "Validation due date", nameof(AssumptionForm.ValidationDue)));

    public sealed class AssumptionForm
    {
        public string? Statement { get; set; }
        public string? ImpactIfWrong { get; set; }
        public Guid? OwnerId { get; set; }
        public DateParts ValidationDue { get; set; } = new();
    }
}

using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Setting how a unit reports: its cadence, when reports are due, its DCA scale and self-approval.
public sealed class ReportingCycles(StewardDbContext db, RegisterUnits units)
{
    // A unit's own reporting rules: set by those who approve reports there (the PMO), for it and below.
    public async Task SetCycleAsync(string unitKey, int? expectedVersion, ReportingCycleInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Reporting, PmoAction.Approve, unitKey, RecordChange.Amend, "set the reporting cycle of", StatusReportService.Register, ct);
        var failures = new List<ValidationFailure>();
        ReportingCadence? cadence = null;
        DcaScale? scale = null;
        try
        {
            cadence = EnumText.ParseOptional<ReportingCadence>("cadence", input.Cadence);
        }
        catch (ValidationException invalid)
        {
            failures.AddRange(invalid.Errors);
        }

        try
        {
            scale = EnumText.ParseOptional<DcaScale>("scale", input.Scale);
        }
        catch (ValidationException invalid)
        {
            failures.AddRange(invalid.Errors);
        }

        if (cadence is null && !failures.Any(f => f.PropertyName == "cadence"))
        {
            failures.Add(new ValidationFailure("cadence", "Choose how often the unit reports: weekly, fortnightly, monthly or quarterly"));
        }

        if (input.DueDays is not { } due || due < 0 || due > ReportingCycle.MaxDueDays)
        {
            failures.Add(new ValidationFailure("dueDays", $"Give the days after a period ends that its report is due, 0 to {ReportingCycle.MaxDueDays}"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct);
        if (cycle is null)
        {
            if (expectedVersion is not null)
            {
                throw new StaleVersionException($"the reporting cycle of {unit.Code}", expectedVersion.Value, 0);
            }

            cycle = new ReportingCycle { Id = Guid.CreateVersion7(), UnitId = unit.Id };
            db.ReportingCycles.Add(cycle);
        }
        else if (expectedVersion is null)
        {
            throw new PreconditionRequiredException();
        }
        else if (cycle.Version != expectedVersion)
        {
            throw new StaleVersionException($"the reporting cycle of {unit.Code}", expectedVersion.Value, cycle.Version);
        }

        (cycle.Cadence, cycle.DueDays, cycle.Scale, cycle.ForbidSelfApproval) = (cadence!.Value, input.DueDays!.Value, scale, input.ForbidSelfApproval);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException($"the reporting cycle of {unit.Code}", expectedVersion ?? 0, (expectedVersion ?? 0) + 1);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new StaleVersionException($"the reporting cycle of {unit.Code}", 0, 1);
        }
    }
}

using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting;

// How a unit reports: its cadence and how many days after a period ends the report is due. Units below
// follow the nearest unit above that set one (a portfolio sets monthly for all its projects). Scale and
// self-approval are a portfolio's choices: set on any unit, they hold for everything below it too.
public sealed class ReportingCycle : IVersionedRecord
{
    public const int MaxDueDays = 60;

    public Guid Id { get; set; }

    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public ReportingCadence Cadence { get; set; }
    public int DueDays { get; set; }

    // Null: as the unit above decides (three points and self-approval allowed at the top).
    public DcaScale? Scale { get; set; }
    public bool? ForbidSelfApproval { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

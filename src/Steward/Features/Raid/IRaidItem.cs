using Steward.Infrastructure;

namespace Steward.Features.Raid;

// What every RAID register entry shares: a number people quote, and the unit whose log it is in.
public interface IRaidItem : IVersionedRecord
{
    Guid Id { get; }
    int Number { get; set; }
    string Reference { get; }
    Guid UnitId { get; }
}

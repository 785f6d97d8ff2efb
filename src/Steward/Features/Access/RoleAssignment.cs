using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Access;

// A person holds a role on a unit and everything below it; with no unit, on the whole department.
// Revoking keeps the row (and its history): who held what, when, stays answerable.
public sealed class RoleAssignment : IVersionedRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public StewardRole Role { get; set; }
    public Guid? UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }
    public DateTime? RevokedAt { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

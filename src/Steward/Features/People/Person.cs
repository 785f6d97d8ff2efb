using Steward.Infrastructure;

namespace Steward.Features.People;

// Someone named on a unit (SRO, manager, PMO contact). Accounts arrive later and will link to a person.
public sealed class Person : IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int RoleTitleMaxLength = 200;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? RoleTitle { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

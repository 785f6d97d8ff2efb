using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Units;

// A node of the one delivery tree: portfolio, programme or project. Never deleted: closed, then archived.
public sealed class DeliveryUnit : IVersionedRecord
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int PathMaxLength = 1000;

    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Aims { get; set; }
    public UnitKind Kind { get; set; }
    public UnitCategory Category { get; set; }
    public LifecycleStage Stage { get; set; }
    public UnitStatus Status { get; set; }

    public Guid? ParentId { get; set; }
    public DeliveryUnit? Parent { get; set; }

    // The ids from the top of the tree down to this unit, "/{portfolio}/{programme}/{this}/": what lets
    // one query find everything below a unit, for access and roll-ups. Kept by UnitService, never edited.
    public string Path { get; set; } = string.Empty;

    public Guid? SroId { get; set; }
    public Person? Sro { get; set; }
    public Guid? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public Guid? PmoContactId { get; set; }
    public Person? PmoContact { get; set; }

    public DateOnly? BaselineStart { get; set; }
    public DateOnly? BaselineEnd { get; set; }
    public DateOnly? ForecastStart { get; set; }
    public DateOnly? ForecastEnd { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public bool IsOpen => Status is UnitStatus.Active or UnitStatus.Paused;
}

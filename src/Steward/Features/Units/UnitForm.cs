using Steward.Infrastructure.GovUk;

namespace Steward.Features.Units;

// What the create and edit forms post. Dates stay as typed until read, so a wrong one is shown back as entered.
public sealed class UnitForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public UnitKind? Kind { get; set; }
    public string? ParentCode { get; set; }
    public UnitCategory? Category { get; set; }
    public LifecycleStage? Stage { get; set; }
    public UnitStatus? Status { get; set; }
    public string? Description { get; set; }
    public string? Aims { get; set; }
    public Guid? SroId { get; set; }
    public Guid? ManagerId { get; set; }
    public Guid? PmoContactId { get; set; }
    public DateParts BaselineStart { get; set; } = new();
    public DateParts BaselineEnd { get; set; } = new();
    public DateParts ForecastStart { get; set; } = new();
    public DateParts ForecastEnd { get; set; } = new();
    public int Version { get; set; }

    public static UnitForm From(UnitView unit) => new()
    {
        Code = unit.Code,
        Name = unit.Name,
        Kind = unit.Kind,
        ParentCode = unit.Parent?.Code,
        Category = unit.Category,
        Stage = unit.Stage,
        Status = unit.Status,
        Description = unit.Description,
        Aims = unit.Aims,
        SroId = unit.Sro?.Id,
        ManagerId = unit.Manager?.Id,
        PmoContactId = unit.PmoContact?.Id,
        BaselineStart = DateParts.From(unit.BaselineStart),
        BaselineEnd = DateParts.From(unit.BaselineEnd),
        ForecastStart = DateParts.From(unit.ForecastStart),
        ForecastEnd = DateParts.From(unit.ForecastEnd),
        Version = unit.Version,
    };
}

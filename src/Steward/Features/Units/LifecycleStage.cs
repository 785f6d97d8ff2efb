namespace Steward.Features.Units;

public enum LifecycleStage
{
    Concept,
    Initiation,
    Delivery,
    Closure,
    Closed,
}

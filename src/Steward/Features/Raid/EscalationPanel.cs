namespace Steward.Features.Raid;

// What a risk or issue page shows about escalation, and which of escalate / hand back the actor may use.
public sealed record EscalationPanel(string Reference, Escalation? Escalation, bool CanEscalate, bool CanHandBack, int Version);

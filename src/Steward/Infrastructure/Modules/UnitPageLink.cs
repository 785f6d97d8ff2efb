using Steward.Features.Access;

namespace Steward.Infrastructure.Modules;

// A link on a unit's page to one of a PMO service's pages, shown only to those whose role in the unit
// allows Area/Action. Path is under the unit's own address ("raid" is /units/{code}/raid); Context is read
// out by screen readers after the text ("of" the unit's name). Order places it among other services' links.
public sealed record UnitPageLink(int Order, string Text, string Path, string Context, PmoArea Area, PmoAction Action = PmoAction.Read);

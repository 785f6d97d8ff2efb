using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// What the authorisation matrix test knows of one request it is about to make: the unit it is about,
// a person to own what it creates, the account asking (if any), and the URL so far.
public sealed record MatrixRoute(StewardApp App, DeliveryUnit Unit, Guid PersonId, string? Account, string Url)
{
    public bool Under(string segment) => Url.Contains(segment, StringComparison.Ordinal);
}

// A feature's answer to "what goes in {parameter} of this URL?": a record it makes for the request, or
// null when the parameter is not its own. Each feature keeps one beside its tests, so a new register
// teaches the matrix test its routes without editing it; the test finds them all by reflection.
public interface IMatrixRouteValues
{
    Task<string?> ValueAsync(string parameter, MatrixRoute route);
}

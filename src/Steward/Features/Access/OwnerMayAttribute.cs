namespace Steward.Features.Access;

// Lets the person a record names as its owner use an endpoint without a role on its unit: a benefit's
// owner, often in the business and holding no role in Steward, records its measurements. AccessMiddleware
// asks the record's IRecordOwners only where roles alone would refuse; the service checks again.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class OwnerMayAttribute(Type owners) : Attribute
{
    public Type Owners { get; } = owners;
}

// Whether a person owns the record a request's route names (its unit and reference).
public interface IRecordOwners
{
    ValueTask<bool> OwnsAsync(RouteValueDictionary route, Guid personId, CancellationToken ct);
}

public static class OwnerMayEndpointExtensions
{
    public static TBuilder OwnerMay<TBuilder, TOwners>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        where TOwners : IRecordOwners => builder.WithMetadata(new OwnerMayAttribute(typeof(TOwners)));
}

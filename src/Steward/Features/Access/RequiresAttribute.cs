namespace Steward.Features.Access;

// What a page or API endpoint needs, from the permission matrix. AccessMiddleware enforces it before
// the handler runs; the authorisation matrix test reads it to know what every role should get.
// On a route with a unit ({unit} or {code}) it is checked on that unit; otherwise on the whole
// department when WholeDepartment is set, else on any unit the actor holds a role on.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresAttribute(PmoArea area, PmoAction action) : Attribute
{
    public PmoArea Area { get; } = area;
    public PmoAction Action { get; } = action;
    public bool WholeDepartment { get; init; }
}

// For pages every signed-in person may use whatever their roles (their own password and tokens).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AnySignedInAttribute : Attribute;

public static class RequiresEndpointExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, PmoArea area, PmoAction action, bool wholeDepartment = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresAttribute(area, action) { WholeDepartment = wholeDepartment });

    public static TBuilder AnySignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AnySignedInAttribute());
}

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

// What one of a page's POST handlers needs where it is more than viewing the page does ([Requires] on the
// page): escalating a risk from its page needs contribute, though reading the page needs only read.
// Handler is the handler's name (Escalate for OnPostEscalateAsync), or null for the page's plain OnPost.
// AccessMiddleware enforces it on the page's unit before the handler runs; the service checks again.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PostRequiresAttribute(string? handler, PmoArea area, PmoAction action) : Attribute
{
    public string? Handler { get; } = handler;
    public RequiresAttribute Requires { get; private init; } = new(area, action);

    // As on [Requires]: on a page without a unit, held on the whole department rather than on any unit.
    public bool WholeDepartment
    {
        get => Requires.WholeDepartment;
        init => Requires = new(area, action) { WholeDepartment = value };
    }

    // The requirement of the handler a POST names (?handler=Escalate), or null where the page says none.
    public static RequiresAttribute? For(Endpoint endpoint, HttpRequest request)
    {
        // Where Razor Pages itself looks for the handler's name: the route first, then the query string.
        var named = request.RouteValues["handler"] as string is { Length: > 0 } routed ? routed : request.Query["handler"].ToString();
        foreach (var declared in endpoint.Metadata.GetOrderedMetadata<PostRequiresAttribute>())
        {
            if (string.Equals(declared.Handler ?? string.Empty, named, StringComparison.OrdinalIgnoreCase))
            {
                return declared.Requires;
            }
        }

        return null;
    }
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

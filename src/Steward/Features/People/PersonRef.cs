namespace Steward.Features.People;

public sealed record PersonRef(Guid Id, string Name, string Email);

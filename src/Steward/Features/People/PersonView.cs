namespace Steward.Features.People;

public sealed record PersonView(Guid Id, string Name, string Email, string? RoleTitle, int Version);

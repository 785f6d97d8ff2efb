namespace Steward.Features.People;

public sealed record CreatePerson(string? Name, string? Email, string? RoleTitle = null);

namespace Steward.Features.Access;

// The actor may see the record but not do this to it (403). A record they may not see is not found (404).
public sealed class AccessDeniedException(string message) : Exception(message);

namespace Steward.Infrastructure;

public sealed class PreconditionRequiredException()
    : Exception("Send an If-Match header with the ETag you last read, so that nobody else's change is overwritten.");
